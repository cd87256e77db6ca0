package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.AwsErrors;
import dev.lmi.operator.aws.Gateways;
import dev.lmi.operator.reconciler.plan.Change;
import dev.lmi.operator.reconciler.plan.Decision;
import dev.lmi.operator.reconciler.plan.FunctionAction;
import dev.lmi.operator.reconciler.plan.FunctionAction.Adopt;
import dev.lmi.operator.reconciler.plan.FunctionAction.Announce;
import dev.lmi.operator.reconciler.plan.FunctionAction.ClearCommand;
import dev.lmi.operator.reconciler.plan.FunctionAction.Create;
import dev.lmi.operator.reconciler.plan.FunctionAction.CreateAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.Deactivate;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.PruneVersions;
import dev.lmi.operator.reconciler.plan.FunctionAction.Publish;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.reconciler.plan.FunctionAction.RecordUid;
import dev.lmi.operator.reconciler.plan.FunctionAction.RouteAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateCode;
import dev.lmi.operator.reconciler.plan.FunctionAction.UpdateSettings;
import dev.lmi.operator.reconciler.plan.FunctionDesired;
import dev.lmi.operator.reconciler.plan.FunctionPlan;
import dev.lmi.operator.reconciler.plan.FunctionRecord;
import dev.lmi.operator.reconciler.plan.VersionRef;
import dev.lmi.operator.reconciler.plan.VersionStamp;
import dev.lmi.operator.rollout.Notice;
import java.util.Map;

/**
 * Carries out a function plan's steps up to its first wait, through the gateways, one Event per
 * write, and returns the status record with what AWS answered. It decides nothing: the plan did.
 */
public final class FunctionApply {
  private final Events events;

  public FunctionApply(Events events) {
    this.events = events;
  }

  public Applied<FunctionRecord> run(
      LmiFunction fn,
      Gateways gw,
      FunctionDesired d,
      Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decision,
      RolloutCue cue) {
    var record = decision.record();
    for (var action : decision.now()) {
      if (action instanceof Announce a) {
        announce(fn, a.notice());
        continue;
      }
      if (action instanceof ClearCommand) {
        cue.annotations().remove(fn, Api.ROLLOUT_ANNOTATION, cue.annotation());
        continue;
      }
      if (action instanceof Create) {
        var before = record;
        var created = AwsErrors.unlessConflict(() -> create(fn, gw, d, before));
        if (created.isEmpty()) {
          return new Applied<>(record, null, Applied.Next.CREATE_REFUSED);
        }
        record = created.get();
      } else if (action instanceof Publish) {
        var v = gw.functions().publish(d.name(), VersionStamp.of(d.configHash()));
        events.normal(fn, "Published", "published version " + v.version() + " (" + v.state() + ")");
        record = record.published(v, d.configHash());
        if (v.active()) {
          // PublishVersion returned a version that already started: no need to wait for it.
          return new Applied<>(record, null, Applied.Next.REPLAN);
        }
      } else {
        record = step(fn, gw, d, action, record);
      }
    }
    return Applied.done(record, decision.stop());
  }

  private FunctionRecord create(
      LmiFunction fn, Gateways gw, FunctionDesired d, FunctionRecord before) {
    var created =
        gw.functions()
            .create(d.name(), d.settings(), d.code(), d.tags(), VersionStamp.of(d.configHash()));
    events.normal(fn, "Created", "created function " + created.function().arn());
    if (created.version() != null) {
      events.normal(
          fn,
          "Published",
          "published version "
              + created.version().version()
              + " ("
              + created.version().state()
              + ")");
    }
    return before.created(d, created.function(), created.version());
  }

  private FunctionRecord step(
      LmiFunction fn, Gateways gw, FunctionDesired d, FunctionAction action, FunctionRecord r) {
    var name = d.name();
    switch (action) {
      case RecordUid u -> {
        gw.functions().tag(u.arn(), Map.of(Api.OWNER_TAG, u.tag()));
        events.normal(fn, "Claimed", "recorded this object's uid in the owner tag of " + name);
      }
      case Adopt a -> {
        gw.functions().tag(a.arn(), Map.of(Api.OWNER_TAG, a.tag()));
        events.normal(fn, "Adopted", "adopted existing function " + a.arn());
      }
      case UpdateSettings u -> {
        gw.functions().updateSettings(name, d.settings());
        events.normal(
            fn, "Updated", "updated configuration of " + name + ": " + Change.fields(u.changes()));
      }
      case UpdateCode c -> {
        gw.functions().updateCode(name, d.code(), d.settings().architecture());
        gw.functions()
            .tag(
                r.latest().functionArn(),
                Map.of(Api.CODE_TAG, FunctionDesired.codeTag(d.codeIdentity())));
        events.normal(fn, "UpdatedCode", "updated code of " + name + " to " + d.codeIdentity());
      }
      case CreateAlias c -> {
        return alias(fn, gw, d, number(c.version()), r);
      }
      case PointAlias p -> {
        var updated = gw.aliases().update(name, d.alias(), number(p.to()));
        var text =
            p.to().is(p.from())
                ? "alias " + d.alias() + " serves version " + p.to() + " alone (weights dropped)"
                : "alias " + d.alias() + " " + p.from() + " -> " + p.to();
        events.normal(fn, "AliasUpdated", text);
        return r.alias(number(p.to()), updated.arn());
      }
      case RouteAlias a -> {
        var routed =
            gw.aliases().route(name, d.alias(), a.stable(), number(a.canary()), a.weight());
        events.normal(fn, "AliasRouted", a.text());
        return r.alias(a.stable(), routed.arn());
      }
      case PutScaling s -> {
        gw.aliases().putScaling(name, number(s.version()), s.min(), s.max());
        events.normal(
            fn, "Scaled", "version " + s.version() + ": min " + s.min() + ", max " + s.max());
      }
      case PruneVersions p -> {
        for (var v : p.versions()) {
          gw.functions().deleteVersion(name, v);
          events.normal(
              fn,
              "DeletedVersion",
              "deleted version " + v + " (keepVersions " + d.keepVersions() + ")");
        }
      }
      case Deactivate z -> {
        for (var v : z.versions()) {
          gw.aliases().putScaling(name, v, 0, 0);
          events.normal(
              fn, "Deactivated", "version " + v + " scaled to zero: no alias routes to it");
        }
      }
      default -> throw new IllegalStateException("not a step of converging: " + action);
    }
    return r;
  }

  /**
   * With no alias on record it most likely does not exist, so it is created without a read; when
   * AWS says the name is taken, the alias there is pointed at the version instead.
   */
  private FunctionRecord alias(
      LmiFunction fn, Gateways gw, FunctionDesired d, String version, FunctionRecord r) {
    var created = AwsErrors.unlessConflict(() -> gw.aliases().create(d.name(), d.alias(), version));
    if (created.isPresent()) {
      events.normal(fn, "AliasCreated", "alias " + d.alias() + " -> version " + version);
      return r.alias(version, created.get().arn());
    }
    var updated = gw.aliases().update(d.name(), d.alias(), version);
    events.normal(fn, "AliasUpdated", "alias " + d.alias() + " existed; now -> " + version);
    return r.alias(version, updated.arn());
  }

  private void announce(LmiFunction fn, Notice n) {
    if (n.warning()) {
      events.warning(fn, n.reason(), n.message());
    } else {
      events.normal(fn, n.reason(), n.message());
    }
  }

  /** Steps carried out name versions AWS numbered: the plan's own are past a wait. */
  private static String number(VersionRef v) {
    if (v.planned()) {
      throw new IllegalStateException("version " + v + " is not published yet");
    }
    return v.number();
  }
}
