package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.capacity.ObservedVersion;
import dev.lmi.operator.capacity.VersionState;
import dev.lmi.operator.capacity.WarmVersions;
import dev.lmi.operator.reconciler.plan.FunctionAction.PutScaling;
import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Versions scaled to min = max = 0, which Lambda deactivates and never brings back by itself: a
 * deactivated target is woken (its scaling raised, then waited for until Active) before the alias
 * routes to it; a version going to or leaving zero is read again until it gets there; and after a
 * promotion, retained versions no alias routes to are put to sleep, since a published version keeps
 * its minimum environments warm whether or not anything routes to it. Pure.
 */
final class Dormancy {
  /** Minimum environments a listed version runs with when its own config was not read. */
  private static final int UNREAD_MIN = 3;

  private Dormancy() {}

  static boolean zero(Integer min, Integer max) {
    return min != null && min == 0 && max != null && max == 0;
  }

  /**
   * Wakes the target when the record says it is deactivated and the scaling in force is not zero:
   * its scaling is raised now and the rest (alias, pruning) waits until it is Active. True when it
   * did, so the scaling step does not put it a second time.
   */
  static boolean wake(
      Path<FunctionAction, FunctionRecord> p,
      FunctionDesired d,
      VersionRef target,
      Pace pace,
      ProviderRoom room) {
    var published = p.record().published();
    var min = d.minExecutionEnvironments();
    var max = d.maxExecutionEnvironments();
    if (!target.is(published.version()) || zero(min, max)) {
      return false;
    }
    var observed =
        new ObservedVersion(published.version(), VersionState.of(published.state()), 1, null);
    if (WarmVersions.readiness(observed) != WarmVersions.Readiness.REACTIVATE) {
      return false;
    }
    if (askedWhileDeactivating(p.record(), target, min, max)) {
      p.add(new Wait(waking(d, target, published.state(), pace)));
      return true;
    }
    var full = room == null ? null : room.reactivation(target.toString(), d, p.record(), pace);
    if (full != null) {
      p.end(full);
      return true;
    }
    p.add(new PutScaling(target, min, max));
    var requested = new ScalingView(min, max, min, max);
    p.record(
        p.record().versionState(VersionView.PENDING).scaling(target.number(), requested, false));
    p.add(new Wait(waking(d, target, published.state(), pace)));
    return true;
  }

  /**
   * The scaling was raised already and AWS still finishes the deactivation it had started: asking
   * again at every poll would only repeat the same write. Once the version is Deactivated (the
   * request did not take) it is asked once more.
   */
  private static boolean askedWhileDeactivating(
      FunctionRecord r, VersionRef target, Integer min, Integer max) {
    var served = r.served();
    return VersionView.DEACTIVATING.equals(r.published().state())
        && served.scalingInProgress(target.number())
        && Objects.equals(served.min(), min)
        && Objects.equals(served.max(), max);
  }

  private static Outcome waking(FunctionDesired d, VersionRef target, String state, Pace pace) {
    return Outcome.waiting(
        Reason.Publishing,
        "version "
            + target
            + " is "
            + state
            + ": its scaling is raised and it starts its execution environments again"
            + " before alias "
            + d.alias()
            + " routes to it",
        pace.poll());
  }

  /**
   * The outcome that holds back raising a version's minimum (leaving a window of zero, lifting
   * suspend, or a larger minimum in the spec) when the provider has no room for the environments it
   * adds; null when there is room, or the minimum does not rise.
   */
  static Outcome noRoomToRaise(
      ProviderRoom room,
      VersionRef target,
      ScalingView applied,
      FunctionDesired d,
      FunctionRecord r,
      Pace pace) {
    if (room == null || zero(d.minExecutionEnvironments(), d.maxExecutionEnvironments())) {
      return null;
    }
    if (zero(applied.appliedMin(), applied.appliedMax())) {
      return room.reactivation(target.toString(), d, r, pace);
    }
    var from = applied.appliedMin();
    return from == null ? null : room.raise(target.toString(), from, d, r, pace);
  }

  /**
   * The record after the target's scaling is put: Pending while it leaves zero, Deactivating while
   * it goes there, so that the version is read until it is Active (or Deactivated).
   */
  static FunctionRecord marked(
      FunctionRecord r, VersionRef target, ScalingView applied, Integer min, Integer max) {
    if (!target.is(r.published().version())) {
      return r;
    }
    var from = zero(applied.appliedMin(), applied.appliedMax());
    var to = zero(min, max);
    if (from && !to) {
      return r.versionState(VersionView.PENDING);
    }
    return !from && to ? r.versionState(VersionView.DEACTIVATING) : r;
  }

  /**
   * Kept versions older than the target that still hold environments and are not on their way to
   * zero already: to scale to zero.
   */
  static List<String> retained(List<VersionView> all, List<String> keep, VersionRef target) {
    var observed =
        all.stream()
            .filter(v -> keep.contains(v.version()) && !v.deactivated())
            .map(
                v -> new ObservedVersion(v.version(), VersionState.of(v.state()), UNREAD_MIN, null))
            .toList();
    return WarmVersions.toDeactivate(observed, Set.of(target.number()));
  }
}
