package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.alias;
import static dev.lmi.operator.reconciler.plan.Fixtures.converged;
import static dev.lmi.operator.reconciler.plan.Fixtures.latest;
import static dev.lmi.operator.reconciler.plan.Fixtures.settled;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.capacity.ProviderCapacity;
import dev.lmi.operator.reconciler.plan.FunctionPlan.Read;
import dev.lmi.operator.status.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capacity steps of the function plan: the gate before a step that starts environments, a
 * window of zero (suspend or a schedule) and leaving it, and retained versions put to sleep.
 */
class CapacityPlanTest {
  private final dev.lmi.operator.api.LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private FunctionDesired d = Fixtures.desired(fn);
  private ProviderRoom room;

  private Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord r, FunctionObservation o) {
    return new FunctionPlan(d, owner, PACE).within(room).decide(r, o);
  }

  private static List<String> steps(Decision<FunctionAction, ?, ?> decision) {
    return decision.actions().stream().map(PlannedAction::text).toList();
  }

  private static List<String> now(Decision<FunctionAction, ?, ?> decision) {
    return decision.now().stream().map(PlannedAction::type).toList();
  }

  /**
   * A provider of {@code ceiling} vCPUs whose other functions hold {@code others} at their minimum
   * (the plan adds what this one holds by its record: 3 while it serves version 1 at 3..4).
   */
  private void provider(long others, int ceiling) {
    room = new ProviderRoom("orders-pool", new ProviderCapacity(others, null, ceiling, 4, 2));
  }

  private FunctionObservation ours() {
    return FunctionObservation.none(true).withFunction(Seen.of(latest(d, owner)));
  }

  /** A spec change that needs a new version: $LATEST already matches it. */
  private FunctionRecord needsPublish() {
    var r = converged(d, "1");
    fn.getSpec().setTimeoutSeconds(20);
    d = Fixtures.desired(fn);
    return r.matched(d);
  }

  @Test
  void holdsBackAPublishThatDoesNotFitWithTheFiguresAndTheRemedies() {
    var r = needsPublish();
    provider(95, 100);

    var decision = decide(r, ours());

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.CapacityExceeded);
    assertThat(decision.stop().message())
        .startsWith(
            "publishing a new version needs 3 execution environments × 1 vCPU = 3 vCPUs, but"
                + " CapacityProvider orders-pool holds 98 of its 100 vCPUs")
        .contains("raise spec.scaling.maxVCpuCount of CapacityProvider orders-pool to at least 101")
        .contains("lower minExecutionEnvironments")
        .contains("move the function to another CapacityProvider");
    assertThat(decision.stop().requeue()).isEqualTo(ProviderRoom.RECHECK);
  }

  @Test
  void publishesOnceThereIsRoom() {
    var r = needsPublish();
    provider(94, 100);

    var decision = decide(r, ours());

    assertThat(now(decision)).containsExactly("Publish");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Publishing);
  }

  @Test
  void aPublishStartsTheMinimumInForceWhenItIsMoreThanThree() {
    var r = needsPublish();
    d = d.withScaling(5, 10);
    provider(96, 100);

    var decision = decide(r, ours());

    assertThat(decision.stop().message()).startsWith("publishing a new version needs 5 execution");
  }

  @Test
  void holdsBackTheCreateOfAFunctionThatDoesNotFit() {
    provider(399, 400);

    var decision = decide(FunctionRecord.empty(), FunctionObservation.none(false));

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.CapacityExceeded);
    assertThat(decision.stop().message()).startsWith("creating the function (version 1) needs 3");
  }

  @Test
  void aConvergedFunctionIsNotGatedAndWritesNothing() {
    provider(400, 100);
    var o = ours().withAlias(Seen.of(alias("1"))).withScaling(Seen.of(settled(3, 4)));

    var decision = decide(converged(d, "1"), o);

    assertThat(decision.writes()).isFalse();
    assertThat(decision.stop().isReady()).isTrue();
  }

  @Test
  void aLargerMinimumOnTheServedVersionWaitsForRoomInsteadOfStayingRequestedForever() {
    var r = converged(d, "1");
    d = d.withScaling(6, 8);
    var servedAt3 = ours().withAlias(Seen.of(alias("1"))).withScaling(Seen.of(settled(3, 4)));
    // Asked before the provider filled up: AWS keeps it requested, never applied.
    var asked =
        ours()
            .withAlias(Seen.of(alias("1")))
            .withScaling(Seen.of(new dev.lmi.operator.aws.ScalingView(3, 4, 6, 8)));

    provider(395, 400);
    for (var decision : List.of(decide(r, servedAt3), decide(r, asked))) {
      assertThat(decision.writes()).isFalse();
      assertThat(decision.stop().reason()).isEqualTo(Reason.CapacityExceeded);
      assertThat(decision.stop().message())
          .startsWith(
              "raising the minimum of version 1 from 3 to 6 needs 3 execution environments × 1"
                  + " vCPU = 3 vCPUs");
    }

    provider(394, 400);
    assertThat(now(decide(r, servedAt3))).containsExactly("PutScaling");
    assertThat(decide(r, asked).stop().reason()).isEqualTo(Reason.ScalingInProgress);
  }

  @Test
  void aWindowOfZeroScalesTheLiveVersionToZeroAndReadsItUntilDeactivated() {
    d = d.withScaling(0, 0);
    var o = ours().withAlias(Seen.of(alias("1"))).withScaling(Seen.of(settled(3, 4)));

    var decision = decide(converged(d, "1"), o);

    assertThat(steps(decision))
        .containsExactly(
            "put scaling on 1 (min 0, max 0)", "wait: AWS is applying the scaling of version 1");
    assertThat(decision.record().published().state()).isEqualTo("Deactivating");
  }

  @Test
  void atZeroADeactivatedVersionIsWhereTheSpecWantsItAndNothingIsWritten() {
    d = d.withScaling(0, 0);
    var r = converged(d, "1").versionState("Deactivated").scaling("1", settled(0, 0), true);
    var o =
        ours()
            .withVersion(Seen.of(version("1", "Deactivated")))
            .withAlias(Seen.of(alias("1")))
            .withScaling(Seen.of(settled(0, 0)));

    var decision = decide(r, o);

    assertThat(decision.writes()).isFalse();
    assertThat(decision.stop().reason()).isEqualTo(Reason.Ready);
  }

  @Test
  void leavingZeroRaisesTheScalingAndWaitsUntilTheVersionIsActiveBeforeRoutingOn() {
    var r = converged(d, "1").versionState("Deactivated").scaling("1", settled(0, 0), true);
    var o = ours().withVersion(Seen.of(version("1", "Deactivated")));

    var decision = decide(r, o);

    assertThat(now(decision)).containsExactly("PutScaling");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Publishing);
    assertThat(decision.stop().message())
        .isEqualTo(
            "version 1 is Deactivated: its scaling is raised and it starts its execution"
                + " environments again before alias live routes to it");
    assertThat(steps(decision).get(0)).isEqualTo("put scaling on 1 (min 3, max 4)");
    assertThat(decision.record().published().state()).isEqualTo("Pending");

    // The next reconcile reads the version again and waits while it starts.
    var next = decide(decision.record(), ours().withVersion(Seen.of(version("1", "Pending"))));
    assertThat(now(next)).isEmpty();
    assertThat(steps(next)).doesNotContain("put scaling on 1 (min 3, max 4)");
    assertThat(next.stop().message())
        .isEqualTo("version 1 is Pending while its execution environments start");
  }

  @Test
  void aVersionStillDeactivatingIsAskedToWakeOnceNotAtEveryPoll() {
    var asleep = converged(d, "1").versionState("Deactivating").scaling("1", settled(0, 0), true);
    var first = decide(asleep, ours().withVersion(Seen.of(version("1", "Deactivating"))));
    assertThat(now(first)).containsExactly("PutScaling");

    // AWS finishes the deactivation it had started: the request is on record, nothing is put.
    var polls = first.record().versionState("Deactivating");
    var again = decide(polls, ours().withVersion(Seen.of(version("1", "Deactivating"))));
    assertThat(again.writes()).isFalse();
    assertThat(again.stop().reason()).isEqualTo(Reason.Publishing);
    assertThat(again.stop().message())
        .startsWith("version 1 is Deactivating: its scaling is raised");

    // Deactivated after all: the request did not take, so it is asked once more.
    var after =
        decide(
            polls.versionState("Deactivated"),
            ours().withVersion(Seen.of(version("1", "Deactivated"))));
    assertThat(now(after)).containsExactly("PutScaling");
  }

  @Test
  void aVersionIsWokenOnlyWhenTheProviderHasRoomForItsEnvironments() {
    provider(398, 400);
    var asleep = converged(d, "1").versionState("Deactivated").scaling("1", settled(0, 0), true);
    var readAsleep = ours().withVersion(Seen.of(version("1", "Deactivated")));
    // Suspended by this operator: the record says Active, the scaling read says 0/0.
    var recordedActive = converged(d, "1").scaling("1", settled(0, 0), true);
    var readZero = ours().withAlias(Seen.of(alias("1"))).withScaling(Seen.of(settled(0, 0)));

    for (var decision : List.of(decide(asleep, readAsleep), decide(recordedActive, readZero))) {
      assertThat(decision.writes()).isFalse();
      assertThat(decision.stop().reason()).isEqualTo(Reason.CapacityExceeded);
      assertThat(decision.stop().message())
          .startsWith("reactivating version 1 needs 3 execution environments × 1 vCPU = 3 vCPUs");
    }

    provider(397, 400);
    assertThat(now(decide(asleep, readAsleep))).containsExactly("PutScaling");
    assertThat(now(decide(recordedActive, readZero))).containsExactly("PutScaling");
  }

  /** Version {@code v} of the spec failed for capacity while the alias serves version 1. */
  private FunctionRecord failedForCapacity(String v) {
    return converged(d, "1").published(version(v, "Failed"), d.configHash()).kept(List.of("1", v));
  }

  private FunctionObservation readFailed(String v) {
    var failed =
        new dev.lmi.operator.aws.VersionView(
            v, "Failed", "CapacityProviderScalingLimitExceeded", "no room", "sha");
    return ours().withVersion(Seen.of(failed));
  }

  @Test
  void aVersionAwsFailedForCapacityWaitsForRoomThenIsPublishedAgain() {
    provider(398, 400);
    var waits = decide(failedForCapacity("2"), readFailed("2"));

    assertThat(waits.writes()).isFalse();
    assertThat(waits.stop().reason()).isEqualTo(Reason.CapacityExceeded);
    assertThat(waits.stop().message())
        .startsWith(
            "version 2 failed: CapacityProviderScalingLimitExceeded; publishing version 2 again"
                + " needs 3 execution environments");

    provider(394, 400);
    var again = decide(failedForCapacity("2"), readFailed("2"));

    assertThat(now(again)).containsExactly("PruneVersions", "Publish");
    assertThat(steps(again).subList(0, 2)).containsExactly("prune version 2", "publish version 3");
    // The failed version leaves the record now; version 3 joins it when AWS has numbered it.
    assertThat(again.record().published().versions()).containsExactly("1");
  }

  @Test
  void aCapacityFailureIsFinalAfterThreePublishesOfTheSameConfiguration() {
    provider(0, 400);

    assertThat(now(decide(failedForCapacity("3"), readFailed("3"))))
        .containsExactly("PruneVersions", "Publish");
    var last = decide(failedForCapacity("4"), readFailed("4"));

    assertThat(last.writes()).isFalse();
    assertThat(last.stop().reason()).isEqualTo(Reason.VersionFailed);
    assertThat(last.stop().message()).contains("version 4 failed", "alias stays on version 1");
  }

  @Test
  void aPromotionPutsRetainedActiveVersionsToSleepAndLeavesSleepingOnesAlone() {
    var r =
        converged(d, "2").kept(List.of("1", "2")).published(version("3", "Active"), d.configHash());
    fn.getSpec().setKeepVersions(4);
    d = Fixtures.desired(fn);
    var o = ours().withAlias(Seen.of(alias("2")));
    assertThat(decide(r, o).needs()).isEqualTo(Read.VERSIONS);

    // Version 1 was put to sleep at an earlier promotion; 0 is on its way there.
    var listed =
        List.of(
            version("0", "Deactivating"),
            version("1", "Deactivated"),
            version("2", "Active"),
            version("3", "Active"));
    var decision = decide(r, o.withVersions(Seen.of(listed)));

    assertThat(now(decision)).containsExactly("PointAlias", "PutScaling", "Deactivate");
    assertThat(steps(decision).get(2))
        .isEqualTo("scale retained version 2 to zero (deactivated until an alias needs it)");
    assertThat(decision.actions().get(2).writes()).containsExactly("PutFunctionScalingConfig");
  }

  @Test
  void holdingsCountTheServedVersionAndAPublishStartingNextToIt() {
    var r = converged(d, "1").published(version("2", "Pending"), d.configHash());

    var load = Holdings.function("orders/list-orders", r, d);

    var capacity = dev.lmi.operator.capacity.CapacityBudget.function(load);
    assertThat(capacity.environmentsAtMin()).isEqualTo(6);
    assertThat(capacity.vCpuAtMax()).isEqualTo(8);
    assertThat(capacity.warmVersions()).isEqualTo(2);
  }

  @Test
  void aVersionScaledToZeroHoldsNothing() {
    d = d.withScaling(0, 0);
    var r = converged(d, "1").versionState("Deactivated").scaling("1", settled(0, 0), true);

    var capacity = dev.lmi.operator.capacity.CapacityBudget.function(Holdings.function("f", r, d));

    assertThat(capacity.vCpuAtMin()).isZero();
    assertThat(capacity.warmVersions()).isZero();
  }
}
