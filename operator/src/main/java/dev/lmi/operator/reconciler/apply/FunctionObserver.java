package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.aws.AlarmView;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionObservation;
import dev.lmi.operator.reconciler.plan.FunctionPlan;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.Seen;
import dev.lmi.operator.rollout.ReadRequest;
import dev.lmi.operator.rollout.Readings;
import java.util.List;

/** Reads, through the gateways, what a function plan asks for, and nothing more. */
public final class FunctionObserver {
  private FunctionObserver() {}

  /** The observation with one more fact read; versions are those the record names. */
  public static FunctionObservation read(
      Gateways gw,
      FunctionDesired d,
      FunctionRecord r,
      FunctionObservation o,
      FunctionPlan.Read what) {
    var name = d.name();
    var version = r.published().version();
    return switch (what) {
      case FUNCTION -> o.withFunction(Seen.read(gw.functions().get(name)));
      case VERSION -> o.withVersion(Seen.read(gw.functions().version(name, version)));
      case ALIAS -> o.withAlias(Seen.read(gw.aliases().get(name, d.alias())));
      case SCALING -> o.withScaling(Seen.read(gw.aliases().scaling(name, version)));
      case VERSIONS -> o.withVersions(Seen.of(gw.functions().publishedVersions(name)));
      case STABLE -> o.withStable(Seen.read(gw.functions().version(name, served(r, o))));
      case ANALYSIS -> throw new IllegalArgumentException("CloudWatch is read with analysis()");
    };
  }

  /** The version the alias serves: as just read, else as recorded. */
  private static String served(FunctionRecord r, FunctionObservation o) {
    return o.alias().present() ? o.alias().value().version() : r.served().aliasVersion();
  }

  /** The observation with CloudWatch's answer to a rollout's question. */
  public static FunctionObservation analysis(
      Gateways gw, FunctionDesired d, FunctionObservation o, ReadRequest request) {
    var alarms =
        request.alarms().isEmpty()
            ? List.<AlarmView>of()
            : gw.metrics().alarmStates(request.alarms());
    var counts =
        request.metrics()
            ? gw.metrics()
                .versionInvocations(
                    d.name(), d.alias(), request.version(), request.from(), request.to())
            : null;
    return o.withReadings(new Readings(alarms, counts));
  }

  /**
   * What a plan without a status starts from (the plan command, a dry run): the function, and if it
   * exists its versions and alias. The rest is read when the plan asks.
   */
  public static FunctionObservation everything(Gateways gw, FunctionDesired d) {
    var o = FunctionObservation.none(false);
    var r = FunctionRecord.empty();
    o = read(gw, d, r, o, FunctionPlan.Read.FUNCTION);
    if (o.function().present()) {
      o = read(gw, d, r, o, FunctionPlan.Read.VERSIONS);
      o = read(gw, d, r, o, FunctionPlan.Read.ALIAS);
    } else {
      o = o.withVersions(Seen.absent()).withAlias(Seen.absent());
    }
    return o;
  }
}
