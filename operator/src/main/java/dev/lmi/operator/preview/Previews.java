package dev.lmi.operator.preview;

import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.apply.FunctionObserver;
import dev.lmi.operator.reconciler.apply.ProviderObserver;
import dev.lmi.operator.reconciler.plan.Decision;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionPlan;
import dev.lmi.operator.reconciler.plan.Owner;
import dev.lmi.operator.reconciler.plan.Pace;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.reconciler.plan.ProviderObservation;
import dev.lmi.operator.reconciler.plan.ProviderPlan;
import dev.lmi.operator.reconciler.plan.Recovered;
import dev.lmi.operator.rollout.Command;
import java.time.Instant;

/**
 * Plans an object against AWS without changing anything, with the operator's own plan code: what
 * the plan command prints and a dry run records. It reads (through whatever gateways it is given;
 * the plan command's refuse every write) and starts from AWS alone, not from a status.
 */
public final class Previews {
  private static final int PASSES = 16;

  private Previews() {}

  public static ObjectPlan function(
      LmiFunction fn, FunctionDesired d, Owner owner, Gateways gw, Pace pace) {
    var o = FunctionObserver.everything(gw, d);
    var record = Recovered.function(d, o);
    var plan = new FunctionPlan(d, owner, pace, Instant.now(), Command.NONE);
    for (var pass = 0; pass < PASSES; pass++) {
      var decision = plan.decide(record, o);
      if (!decision.incomplete()) {
        return entry(fn.getKind(), fn.getMetadata().getNamespace(), fn, d.name(), decision);
      }
      o =
          decision.needs() == FunctionPlan.Read.ANALYSIS
              ? FunctionObserver.analysis(gw, d, o, plan.analysisRequest(record, o))
              : FunctionObserver.read(gw, d, record, o, decision.needs());
    }
    throw new IllegalStateException("no plan for " + d.name());
  }

  public static ObjectPlan provider(
      CapacityProvider cp, Owner owner, String region, Gateways gw, Pace pace) {
    var o = ProviderObservation.none(false);
    var plan = new ProviderPlan(cp, owner, region, pace);
    var record = Recovered.provider(cp, region);
    for (var pass = 0; pass < PASSES; pass++) {
      var decision = plan.decide(record, o);
      if (!decision.incomplete()) {
        return entry(cp.getKind(), null, cp, cp.awsName(), decision);
      }
      o = ProviderObserver.read(gw, cp, region, o, decision.needs());
    }
    throw new IllegalStateException("no plan for " + cp.awsName());
  }

  private static ObjectPlan entry(
      String kind,
      String namespace,
      io.fabric8.kubernetes.api.model.HasMetadata object,
      String awsName,
      Decision<?, ?, ?> decision) {
    return PlanEntries.of(kind, namespace, object.getMetadata().getName(), awsName, decision);
  }
}
