package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lmi.operator.reconciler.plan.FunctionAction.Wait;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The versions kept once the alias serves a target, with keepVersions 2. */
class VersionPruningTest {
  private final FunctionDesired d = Fixtures.desired(Fixtures.function());
  private final FunctionObservation none = FunctionObservation.none(true);

  /** Versions 1, 2 and 3 published by this operator, the alias now on version 3. */
  private FunctionRecord three() {
    return Fixtures.converged(d, "1")
        .kept(List.of("1", "2", "3"))
        .published(version("3", "Active"), d.configHash());
  }

  private static List<String> types(Path<FunctionAction, FunctionRecord> p) {
    return p.decision(null).actions().stream().map(PlannedAction::type).toList();
  }

  @Test
  void withoutAMoveARecordWithinKeepVersionsAnswersAndNothingIsListed() {
    var p =
        new Path<FunctionAction, FunctionRecord>(
            Fixtures.converged(d, "2")
                .kept(List.of("2", "3"))
                .published(version("3", "Active"), d.configHash()));

    VersionPruning.prune(p, none, VersionRef.of("3"), false, 2);

    assertThat(types(p)).isEmpty();
    assertThat(p.record().published().versions()).containsExactly("2", "3");
  }

  @Test
  void aPruneCutShortIsFinishedWithoutAMove() {
    // The alias reached version 3 but the operator stopped before deleting version 1: the record
    // still lists 1, 2 and 3, and the next reconcile moves nothing.
    var p = new Path<FunctionAction, FunctionRecord>(three());
    var asked =
        catchThrowableOfType(
            Path.Unknown.class, () -> VersionPruning.prune(p, none, VersionRef.of("3"), false, 2));
    assertThat(asked.<FunctionPlan.Read>read()).isEqualTo(FunctionPlan.Read.VERSIONS);

    var listed = List.of(version("1", "Active"), version("2", "Active"), version("3", "Active"));
    var again = new Path<FunctionAction, FunctionRecord>(three());
    VersionPruning.prune(again, none.withVersions(Seen.of(listed)), VersionRef.of("3"), false, 2);

    assertThat(again.decision(null).actions().stream().map(PlannedAction::text))
        .contains("prune version 1");
    assertThat(again.record().published().versions()).containsExactly("2", "3");
  }

  @Test
  void aRecordThatLacksTheServedVersionIsListed() {
    var p =
        new Path<FunctionAction, FunctionRecord>(
            Fixtures.converged(d, "2").kept(List.of("2")).published(version("2", "Active"), null));

    var asked =
        catchThrowableOfType(
            Path.Unknown.class, () -> VersionPruning.prune(p, none, VersionRef.of("3"), false, 2));

    assertThat(asked.<FunctionPlan.Read>read()).isEqualTo(FunctionPlan.Read.VERSIONS);
  }

  @Test
  void afterAMoveTheOldestBeyondKeepVersionsIsDeletedAndTheKeptOneSleeps() {
    var p = new Path<FunctionAction, FunctionRecord>(three());
    var listed = List.of(version("1", "Active"), version("2", "Active"), version("3", "Active"));

    VersionPruning.prune(p, none.withVersions(Seen.of(listed)), VersionRef.of("3"), true, 2);

    var steps = p.decision(null).actions().stream().map(PlannedAction::text).toList();
    assertThat(steps)
        .containsExactly(
            "prune version 1",
            "scale retained version 2 to zero (deactivated until an alias needs it)");
    assertThat(p.record().published().versions()).containsExactly("2", "3");
  }

  @Test
  void aMoveAsksForTheListingFirst() {
    var p = new Path<FunctionAction, FunctionRecord>(three());

    var asked =
        catchThrowableOfType(
            Path.Unknown.class, () -> VersionPruning.prune(p, none, VersionRef.of("3"), true, 2));

    assertThat(asked.<FunctionPlan.Read>read()).isEqualTo(FunctionPlan.Read.VERSIONS);
  }

  @Test
  void aProjectionPrunesFromTheRecordWithoutListing() {
    var p = new Path<FunctionAction, FunctionRecord>(three());
    p.add(new Wait(Outcome.waiting(Reason.Publishing, "a version starts", Duration.ofSeconds(5))));

    VersionPruning.prune(p, none, VersionRef.of("3"), true, 2);

    assertThat(types(p)).containsExactly("Wait", "PruneVersions", "Deactivate");
  }
}
