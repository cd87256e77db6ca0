package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import java.util.Objects;

/**
 * A version's scaling brought to the spec's (the values in force: base, a schedule's window, or
 * zero for suspend): put unless AWS was asked already, the version woken first when it is
 * deactivated, and a minimum the provider cannot hold left waiting for room. A promotion and a
 * rollout's canary both go through here.
 */
final class VersionScaling {
  private static final ScalingView NONE = new ScalingView(null, null, null, null);
  private final FunctionDesired d;
  private final Pace pace;
  private final ProviderRoom room;

  VersionScaling(FunctionDesired desired, Pace pace, ProviderRoom room) {
    this.d = desired;
    this.pace = pace;
    this.room = room;
  }

  /** Wakes the target when it is deactivated; true when it did (see {@link Dormancy#wake}). */
  boolean wake(Path<FunctionAction, FunctionRecord> p, VersionRef target) {
    return Dormancy.wake(p, d, target, pace, room);
  }

  /**
   * Wakes the target if need be, then {@link #settle(Path, FunctionObservation, VersionRef,
   * boolean)}.
   */
  boolean settle(Path<FunctionAction, FunctionRecord> p, FunctionObservation o, VersionRef target) {
    var woken = wake(p, target);
    return !p.ended() && settle(p, o, target, woken);
  }

  /**
   * Puts the spec's scaling on the target unless already asked; true once AWS applied it. {@code
   * woken}: {@link #wake} put it already. A scaling that leaves zero waits for room (the plan ends,
   * false).
   */
  boolean settle(
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
}
