package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionAction.CreateAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.Deactivate;
import dev.lmi.operator.reconciler.plan.FunctionAction.PointAlias;
import dev.lmi.operator.reconciler.plan.FunctionAction.PruneVersions;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Once a version of the spec is Active: the alias serves it alone, its scaling is the spec's, and
 * only keepVersions good versions are kept. A rollout ({@link RolloutShift}) sees to the scaling
 * and the weighted steps first, then ends here.
 */
final class PromotePlan {
  private static final ScalingView NONE = new ScalingView(null, null, null, null);
  private final FunctionDesired d;
  private final Pace pace;
  private final ProviderRoom room;

  PromotePlan(FunctionDesired desired, Pace pace, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.room = room;
  }

  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    return decide(p, o, target, null, false);
  }

  /**
   * @param scaled whether the target's scaling is settled, when a rollout already saw to it (null:
   *     see to it here)
   * @param promoted a rollout just moved the alias to the target: prune as after a move
   */
  Decision<FunctionAction, FunctionPlan.Read, FunctionRecord> decide(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      Boolean scaled,
      boolean promoted) {
    var woken = scaled == null && Dormancy.wake(p, d, target, pace, room);
    if (p.ended()) {
      return p.decision(null);
    }
    var moved = alias(p, o, target) || promoted;
    p.record(p.record().alias(target.number(), null));
    var settled = scaled != null ? scaled : scale(p, o, target, woken);
    if (p.ended()) {
      return p.decision(null);
    }
    prune(p, o, target, moved);
    if (!settled) {
      p.add(
          new Wait(
              Outcome.waiting(
                  Reason.ScalingInProgress,
                  "AWS is applying the scaling of version " + target,
                  pace.poll())));
    }
    var max = d.maxExecutionEnvironments();
    return p.decision(
        Outcome.ready(
            "alias "
                + d.alias()
                + " serves version "
                + target
                + " with "
                + d.minExecutionEnvironments()
                + ".."
                + (max == null ? "unbounded" : max)
                + " execution environments",
            pace.resync()));
  }

  /**
   * Puts the spec's scaling on the target unless already asked, waking it first when it is
   * deactivated; true once AWS applied it. A rollout's canary goes through here before any traffic.
   */
  boolean scale(Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    var woken = Dormancy.wake(p, d, target, pace, room);
    return !p.ended() && scale(p, o, target, woken);
  }

  /**
   * As {@link #scale(Path, FunctionObservation, VersionRef)}; {@code woken}: {@link Dormancy#wake}
   * put it already. A scaling that leaves zero waits for room (the plan ends, false).
   */
  private boolean scale(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      boolean woken) {
    var s = scaling(p, o, target);
    var min = d.minExecutionEnvironments();
    var max = d.maxExecutionEnvironments();
    var requested = Objects.equals(min, s.requestedMin()) && Objects.equals(max, s.requestedMax());
    var applied =
        Objects.equals(min, s.appliedMin()) && (max == null || max.equals(s.appliedMax()));
    var settled = s.settled() && applied;
    if (!settled && !woken) {
      // Also once asked: AWS leaves a minimum the provider cannot hold requested, never applied.
      var full = Dormancy.noRoomToRaise(room, target, s, d, p.record(), pace);
      if (full != null) {
        p.end(full);
        return false;
      }
    }
    if (!settled && !requested && !woken) {
      p.add(new PutScaling(target, min, max));
      p.record(Dormancy.marked(p.record(), target, s, min, max));
    }
    p.record(p.record().scaling(target.number(), s, settled));
    return settled;
  }

  /** The alias serves the target alone; true when it is created or moved. */
  private boolean alias(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    var served = p.record().served();
    AliasView alias;
    if (o.alias().known()) {
      alias = o.alias().value();
    } else if (served.scalingInProgress(target.number())
        && target.is(served.aliasVersion())
        && served.aliasArn() != null) {
      // This operator pointed the alias at the target a poll ago and only the scaling is
      // pending: it is not read again until the next resync or spec change.
      return false;
    } else if (served.aliasArn() == null) {
      // No alias on record, so it most likely does not exist: created without a read first
      // (should AWS say the name is taken, the alias there is pointed at the target instead).
      alias = null;
    } else if (p.projecting()) {
      alias = new AliasView(d.alias(), served.aliasArn(), served.aliasVersion(), Map.of());
    } else {
      alias = p.need(o.alias(), FunctionPlan.Read.ALIAS);
    }
    if (alias == null) {
      p.add(new CreateAlias(d.alias(), target));
      return true;
    }
    if (!target.is(alias.version()) || !alias.additionalVersionWeights().isEmpty()) {
      p.add(new PointAlias(d.alias(), alias.version(), target));
      return true;
    }
    p.record(p.record().alias(target.number(), alias.arn()));
    return false;
  }

  /**
   * The target's scaling as AWS has it. A version with no scaling on record was published by this
   * operator and not scaled yet, so it has none of its own: nothing is read.
   */
  private ScalingView scaling(
      Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    var served = p.record().served();
    if (o.scaling().known()) {
      return o.scaling().present() ? o.scaling().value() : NONE;
    }
    if (target.planned() || !served.scalingRecordedFor(target.number())) {
      return NONE;
    }
    if (p.projecting()) {
      return served.view();
    }
    var read = p.need(o.scaling(), FunctionPlan.Read.SCALING);
    return read == null ? NONE : read;
  }

  /**
   * Versions come from this operator's publishes, which the record lists: AWS is listed only when
   * that record is missing, or says there are more than keepVersions after a move.
   */
  private void prune(
      Path<FunctionAction, FunctionRecord> p,
      FunctionObservation o,
      VersionRef target,
      boolean moved) {
    var recorded = p.record().published().versions();
    // After a move every older version is listed: those kept are scaled to zero.
    if (recorded != null && !(moved && recorded.size() > 1)) {
      return;
    }
    List<VersionView> all;
    if (o.versions().known()) {
      all = new ArrayList<>(o.versions().value());
    } else if (p.projecting()) {
      if (recorded == null) {
        return;
      }
      all = new ArrayList<>(recorded.stream().map(PromotePlan::active).toList());
    } else {
      all = new ArrayList<>(p.need(o.versions(), FunctionPlan.Read.VERSIONS));
    }
    if (all.stream().noneMatch(v -> v.version().equals(target.number()))) {
      all.add(active(target.number()));
    }
    var doomed = Retention.doomed(all, d.keepVersions(), target.number(), target.number());
    var keep = all.stream().map(VersionView::version).filter(v -> !doomed.contains(v)).toList();
    if (!doomed.isEmpty()) {
      p.add(new PruneVersions(doomed, keep));
    }
    var asleep = Dormancy.retained(all, keep, target);
    if (!asleep.isEmpty()) {
      p.add(new Deactivate(asleep));
    }
    p.record(p.record().kept(keep));
  }

  private static VersionView active(String version) {
    return VersionView.serving(version);
  }
}
