package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.alias;
import static dev.lmi.operator.reconciler.plan.Fixtures.converged;
import static dev.lmi.operator.reconciler.plan.Fixtures.latest;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionPlan.Read;
import dev.lmi.operator.status.Reason;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The function plan after something went wrong: a version that failed to start, a spec changed
 * while one starts, a status lost, an object deleted with deletionPolicy Retain. Each test is a
 * transition FunctionBehaviourIT or OwnershipIT drives through the emulator.
 */
class FunctionPlanRecoveryTest {
  private final LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private FunctionDesired d = Fixtures.desired(fn);

  private Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord r, FunctionObservation o) {
    return new FunctionPlan(d, owner, PACE).decide(r, o);
  }

  private static FunctionObservation verified() {
    return FunctionObservation.none(true);
  }

  private static List<String> steps(Decision<FunctionAction, ?, ?> decision) {
    return decision.actions().stream().map(PlannedAction::text).toList();
  }

  private static List<String> now(Decision<FunctionAction, ?, ?> decision) {
    return decision.now().stream().map(PlannedAction::type).toList();
  }

  private void change(Consumer<LmiFunction> edit) {
    edit.accept(fn);
    d = Fixtures.desired(fn);
  }

  @Test
  void aSpecChangeAfterAFailedVersionPublishesTheNextOneAndForgetsTheFailure() {
    var pending = converged(d, "1").published(version("2", "Pending"), d.configHash());
    var failed =
        new VersionView("2", "Failed", "FunctionError.InitResourceExhausted", "oom", "sha");
    var before = latest(d, owner);
    var r =
        decide(pending, verified().withFunction(Seen.of(before)).withVersion(Seen.of(failed)))
            .record();
    assertThat(r.published().failedVersion()).isEqualTo("2");

    change(f -> f.getSpec().setMemoryMiB(4096));
    assertThat(decide(r, verified()).needs()).isEqualTo(Read.FUNCTION);
    var update = decide(r, verified().withFunction(Seen.of(before)));
    assertThat(now(update)).containsExactly("UpdateSettings");
    assertThat(steps(update)).contains("publish version 3", "move alias live 1 → 3");

    var publish = decide(update.record(), verified().withFunction(Seen.of(latest(d, owner))));
    assertThat(now(publish)).containsExactly("Publish");
    assertThat(publish.record().served().aliasVersion()).isEqualTo("1");
    // The number is AWS's to give: the apply side records it, and with it the failure is gone.
    var answered = publish.record().published(version("3", "Pending"), d.configHash());
    assertThat(answered.published().failedVersion()).isNull();
  }

  @Test
  void aSpecChangeWhileTheFirstVersionStartsUpdatesLatestThenPublishesTheNext() {
    var before = latest(d, owner);
    var starting =
        decide(
                FunctionRecord.empty().named(d).created(d, before, version("1", "Pending")),
                verified()
                    .withFunction(Seen.of(before))
                    .withVersion(Seen.of(version("1", "Pending"))))
            .record();

    change(f -> f.getSpec().setTimeoutSeconds(42));
    assertThat(decide(starting, verified()).needs()).isEqualTo(Read.FUNCTION);
    var decision = decide(starting, verified().withFunction(Seen.of(before)));

    assertThat(now(decision)).containsExactly("UpdateSettings");
    assertThat(steps(decision))
        .containsSubsequence(
            "update configuration: timeoutSeconds 10 → 42",
            "publish version 2",
            "create alias live → 2",
            "put scaling on 2 (min 3, max 4)");
  }

  @Test
  void aLostStatusIsRebuiltFromTheFunctionItselfAndPrunesWhatOnlyAListingFinds() {
    var oldCode = latest(d, owner);
    change(
        f -> {
          f.getSpec().setKeepVersions(1);
          f.getSpec().getCode().getS3().setObjectVersion("2");
        });
    var created = decide(FunctionRecord.empty(), FunctionObservation.none(false));
    assertThat(now(created)).containsExactly("Create");

    // AWS refused the create: the name is ours by its tag, so its code is updated, not adopted.
    var refused = FunctionObservation.none(false).refusedCreate();
    assertThat(decide(FunctionRecord.empty(), refused).needs()).isEqualTo(Read.FUNCTION);
    var update = decide(FunctionRecord.empty(), refused.withFunction(Seen.of(oldCode)));
    assertThat(now(update)).containsExactly("UpdateCode");
    assertThat(update.stop().reason()).isEqualTo(Reason.Updating);

    // Version 2 is published and Active, but no record of the versions kept survived.
    var lost = converged(d, "1");
    var nothingKept =
        new FunctionRecord(
            lost.latest(),
            new PublishedRecord("2", "Active", d.configHash(), null, null),
            lost.served());
    var o = verified().withFunction(Seen.of(latest(d, owner))).withAlias(Seen.of(alias("1")));
    assertThat(decide(nothingKept, o).needs()).isEqualTo(Read.VERSIONS);
    var listed = o.withVersions(Seen.of(List.of(version("1", "Active"), version("2", "Active"))));
    var pruned = decide(nothingKept, listed);
    assertThat(now(pruned)).containsExactly("PointAlias", "PutScaling", "PruneVersions");
    assertThat(pruned.record().published().versions()).containsExactly("2");
  }

  @Test
  void theNextObjectOfARetainedFunctionsNameTakesItOverAndWritesItsUid() {
    // Retain took the uid out of the tag: what is left names only namespace, kind and name.
    var released = latest(d, Map.of(Api.OWNER_TAG, owner.identity()));
    var refused = FunctionObservation.none(false).refusedCreate();

    var decision = decide(FunctionRecord.empty(), refused.withFunction(Seen.of(released)));

    assertThat(now(decision)).startsWith("RecordUid").doesNotContain("Create", "Adopt");
    assertThat(decision.stop().reason()).isNotEqualTo(Reason.NotOwned);
    assertThat(decision.record().latest().functionArn()).isEqualTo(Fixtures.ARN);
  }
}
