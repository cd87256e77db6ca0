package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static dev.lmi.operator.reconciler.plan.Fixtures.alias;
import static dev.lmi.operator.reconciler.plan.Fixtures.converged;
import static dev.lmi.operator.reconciler.plan.Fixtures.latest;
import static dev.lmi.operator.reconciler.plan.Fixtures.settled;
import static dev.lmi.operator.reconciler.plan.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.AliasView;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.ScalingView;
import dev.lmi.operator.aws.VersionView;
import dev.lmi.operator.reconciler.plan.FunctionPlan.Read;
import dev.lmi.operator.status.Reason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The function plan, transition by transition: each test is one reconcile the integration tests
 * drive through the emulator, decided here from values in milliseconds.
 */
class FunctionPlanTest {
  private final dev.lmi.operator.api.LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private FunctionDesired d = Fixtures.desired(fn);

  private Decision<FunctionAction, Read, FunctionRecord> decide(
      FunctionRecord r, FunctionObservation o) {
    return new FunctionPlan(d, owner, PACE).decide(r, o);
  }

  private static FunctionObservation none() {
    return FunctionObservation.none(false);
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

  private FunctionView ours() {
    return latest(d, owner);
  }

  private void change(java.util.function.Consumer<dev.lmi.operator.api.LmiFunction> edit) {
    edit.accept(fn);
    d = Fixtures.desired(fn);
  }

  @Test
  void createsAFunctionNothingIsRecordedOfWithoutReadingFirst() {
    var decision = decide(FunctionRecord.empty(), none());

    assertThat(decision.incomplete()).isFalse();
    assertThat(now(decision)).containsExactly("Create");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Creating);
    // The whole path: the create publishes version 1, then alias and scaling follow.
    assertThat(steps(decision))
        .containsExactly(
            "create function orders-list-orders from"
                + " s3://artifacts/orders/handler.jar?versionId=1 and publish version 1",
            "wait: function orders-list-orders is being created",
            "create alias live → 1",
            "put scaling on 1 (min 3, max 4)",
            "wait: AWS is applying the scaling of version 1");
    assertThat(decision.writes()).isTrue();
  }

  @Test
  void readsAFunctionWhoseNameWasFoundTakenInsteadOfCreatingItAgain() {
    var refused = FunctionRecord.empty().named(d).refused();
    assertThat(decide(refused, none()).needs()).isEqualTo(Read.FUNCTION);
    assertThat(decide(FunctionRecord.empty(), none().refusedCreate()).needs())
        .isEqualTo(Read.FUNCTION);
  }

  @Test
  void waitsWhileAwsAppliesTheCreateOrAnUpdate() {
    var r = FunctionRecord.empty().named(d).created(d, ours(), version("1", "Pending"));
    var busy =
        new FunctionView(
            Fixtures.ARN,
            "Pending",
            null,
            null,
            "InProgress",
            null,
            null,
            true,
            d.settings(),
            "sha",
            null,
            ours().tags());

    var decision = decide(r, verified().withFunction(Seen.of(busy)));

    assertThat(now(decision)).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.Updating);
    assertThat(decision.record().latest().state()).isEqualTo("Pending");
  }

  @Test
  void readsTheFirstVersionOnceLatestIsCreatedAndWaitsWhileItStarts() {
    var r = FunctionRecord.empty().named(d).created(d, ours(), version("1", "Pending"));
    var read = decide(r, verified().withFunction(Seen.of(ours())));
    assertThat(read.needs()).isEqualTo(Read.VERSION);

    var decision =
        decide(
            r,
            verified().withFunction(Seen.of(ours())).withVersion(Seen.of(version("1", "Pending"))));
    assertThat(now(decision)).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.Publishing);
    assertThat(decision.record().latest().latestHash()).isEqualTo(d.configHash());
  }

  @Test
  void createsAliasAndScalingOfAnActiveVersionWithoutReadingThem() {
    var r = FunctionRecord.empty().named(d).created(d, ours(), version("1", "Pending"));
    var o = verified().withFunction(Seen.of(ours())).withVersion(Seen.of(version("1", "Active")));

    var decision = decide(r, o);

    assertThat(now(decision)).containsExactly("CreateAlias", "PutScaling");
    assertThat(decision.stop().reason()).isEqualTo(Reason.ScalingInProgress);
    assertThat(decision.record().served().scalingInProgress("1")).isTrue();
    assertThat(decision.record().served().aliasVersion()).isEqualTo("1");
  }

  @Test
  void whileOnlyTheScalingSettlesNeitherLatestNorTheAliasIsReadAgain() {
    var created = FunctionRecord.empty().named(d).created(d, ours(), version("1", "Pending"));
    var r =
        created
            .matched(d)
            .versionState("Active")
            .alias("1", Fixtures.ARN + ":live")
            .scaling("1", new ScalingView(null, null, 3, 4), false);

    var read = decide(r, verified());
    assertThat(read.needs()).isEqualTo(Read.SCALING);

    var decision = decide(r, verified().withScaling(Seen.of(settled(3, 4))));
    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().isReady()).isTrue();
    assertThat(decision.stop().message())
        .isEqualTo("alias live serves version 1 with 3..4 execution environments");
    assertThat(decision.record().served().settled()).isTrue();
  }

  @Test
  void aResyncReadsLatestAliasAndScalingAndWritesNothing() {
    var r = converged(d, "1");
    assertThat(decide(r, verified()).needs()).isEqualTo(Read.FUNCTION);
    var o = verified().withFunction(Seen.of(ours()));
    assertThat(decide(r, o).needs()).isEqualTo(Read.ALIAS);
    o = o.withAlias(Seen.of(alias("1")));
    assertThat(decide(r, o).needs()).isEqualTo(Read.SCALING);

    var decision = decide(r, o.withScaling(Seen.of(settled(3, 4))));

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.writes()).isFalse();
    assertThat(decision.stop().isReady()).isTrue();
  }

  @Test
  void aCodeChangeUpdatesTheCodeThenPublishesAndMovesTheAlias() {
    var r = converged(d, "1");
    var oldCode = ours().tags().get(Api.CODE_TAG);
    change(f -> f.getSpec().getCode().getS3().setObjectVersion("2"));
    var view =
        new FunctionView(
            Fixtures.ARN,
            "ActiveNonInvocable",
            null,
            null,
            "Successful",
            null,
            null,
            true,
            d.settings(),
            "sha",
            null,
            Map.of(Api.OWNER_TAG, owner.tag(), Api.CODE_TAG, oldCode));

    var decision = decide(r, verified().withFunction(Seen.of(view)));

    assertThat(now(decision)).containsExactly("UpdateCode");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Updating);
    assertThat(steps(decision))
        .containsExactly(
            "update code: s3://artifacts/orders/handler.jar?versionId=1 →"
                + " s3://artifacts/orders/handler.jar?versionId=2",
            "wait: applying new code",
            "publish version 2",
            "wait: version 2 is Pending while its execution environments start",
            "move alias live 1 → 2",
            "put scaling on 2 (min 3, max 4)",
            // Version 1 is kept for a rollback, and would keep its environments warm.
            "scale retained version 1 to zero (deactivated until an alias needs it)",
            "wait: AWS is applying the scaling of version 2");
    assertThat(decision.record().latest().configHash()).isEqualTo(d.configHash());
    assertThat(decision.record().latest().codeIdentity()).endsWith("versionId=2");
  }

  @Test
  void aSettingsChangeNamesEachFieldWithBothValuesAndNoEnvironmentValue() {
    var r = converged(d, "1");
    var before = ours();
    change(
        f -> {
          f.getSpec().setMemoryMiB(4096);
          f.getSpec().setEnvironment(Map.of("TABLE_NAME", "orders-v2"));
        });
    var decision = decide(r, verified().withFunction(Seen.of(before)));

    assertThat(now(decision)).containsExactly("UpdateSettings");
    assertThat(steps(decision).get(0))
        .isEqualTo("update configuration: memoryMiB 2048 → 4096, environment.TABLE_NAME changed");
    assertThat(steps(decision).toString()).doesNotContain("orders-v2");
    assertThat(decision.stop().message()).isEqualTo("applying memoryMiB, environment.TABLE_NAME");
  }

  @Test
  void aPlannedChangeListsEveryWriteToTheEndScalingAndPruningIncluded() {
    var r = converged(d, "1");
    var before = ours();
    change(
        f -> {
          f.getSpec().setMemoryMiB(4096);
          f.getSpec().setEnvironment(Map.of("TABLE_NAME", "orders-v2"));
          f.getSpec().getScaling().setMaxExecutionEnvironments(6);
          f.getSpec().setKeepVersions(1);
        });

    var decision = decide(r, verified().withFunction(Seen.of(before)));

    assertThat(decision.actions())
        .filteredOn(a -> !a.writes().isEmpty())
        .extracting(PlannedAction::text)
        .containsExactly(
            "update configuration: memoryMiB 2048 → 4096, environment.TABLE_NAME changed",
            "publish version 2",
            "move alias live 1 → 2",
            "put scaling on 2 (min 3, max 6)",
            "prune version 1");
  }

  @Test
  void latestMatchingTheSpecPublishesAVersionOfItAndWaits() {
    var r = converged(d, "1");
    change(f -> f.getSpec().setTimeoutSeconds(42));
    var updated = latest(d, owner);

    var decision = decide(r, verified().withFunction(Seen.of(updated)));

    assertThat(now(decision)).containsExactly("Publish");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Publishing);
    assertThat(steps(decision).get(0)).isEqualTo("publish version 2");
  }

  @Test
  void anActiveNewVersionTakesTheAliasAndPrunesPastKeepVersions() {
    change(f -> f.getSpec().setKeepVersions(1));
    var r = converged(d, "1").published(version("2", "Active"), d.configHash());
    var o = verified().withFunction(Seen.of(ours())).withAlias(Seen.of(alias("1")));
    assertThat(decide(r, o).needs()).isEqualTo(Read.VERSIONS);

    var decision =
        decide(r, o.withVersions(Seen.of(List.of(version("1", "Active"), version("2", "Active")))));

    assertThat(now(decision)).containsExactly("PointAlias", "PutScaling", "PruneVersions");
    assertThat(steps(decision).subList(0, 3))
        .containsExactly(
            "move alias live 1 → 2", "put scaling on 2 (min 3, max 4)", "prune version 1");
    assertThat(decision.record().published().versions()).containsExactly("2");
  }

  @Test
  void aFailedVersionEndsThePlanAndTheAliasStaysOnTheLastGoodOne() {
    var r = converged(d, "1").published(version("2", "Pending"), d.configHash());
    var failed =
        new VersionView(
            "2", "Failed", "FunctionError.InitResourceExhausted", "out of memory", "sha");

    var decision = decide(r, verified().withFunction(Seen.of(ours())).withVersion(Seen.of(failed)));

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.VersionFailed);
    assertThat(decision.stop().message())
        .contains(
            "FunctionError.InitResourceExhausted", "alias stays on version 1", "Raise memoryMiB");
    assertThat(decision.record().published().failedVersion()).isEqualTo("2");
  }

  @Test
  void putsBackDriftOfLatestTheAliasAndTheScaling() {
    var r = converged(d, "2");
    var drifted =
        new FunctionView(
            Fixtures.ARN,
            "ActiveNonInvocable",
            null,
            null,
            "Successful",
            null,
            null,
            true,
            new dev.lmi.operator.aws.FunctionSettings(
                d.settings().runtime(),
                d.settings().handler(),
                d.settings().roleArn(),
                4096,
                d.settings().timeoutSeconds(),
                d.settings().architecture(),
                d.settings().environment(),
                d.settings().layers(),
                d.settings().logFormat(),
                null,
                null,
                null,
                d.settings().tracing(),
                d.settings().ephemeralStorageMiB(),
                d.settings().capacityProviderArn(),
                d.settings().maxConcurrency(),
                d.settings().memoryGiBPerVCpu()),
            "sha",
            null,
            ours().tags());
    var settingsDrift = decide(r, verified().withFunction(Seen.of(drifted)));
    assertThat(steps(settingsDrift).get(0))
        .isEqualTo("update configuration: memoryMiB 4096 → 2048");
    // The published version was made of the spec: putting $LATEST back publishes nothing.
    assertThat(steps(settingsDrift)).noneMatch(s -> s.startsWith("publish"));

    var o = verified().withFunction(Seen.of(ours())).withAlias(Seen.of(alias("1")));
    var decision = decide(r, o.withScaling(Seen.of(settled(1, 1))));
    assertThat(now(decision)).containsExactly("PointAlias", "PutScaling");
    assertThat(steps(decision).get(0)).isEqualTo("move alias live 1 → 2");
  }

  @Test
  void aWeightedAliasServesTheTargetAloneAgain() {
    var weighted = new AliasView("live", Fixtures.ARN + ":live", "1", Map.of("2", 0.5));
    var o =
        verified()
            .withFunction(Seen.of(ours()))
            .withAlias(Seen.of(weighted))
            .withScaling(Seen.of(settled(3, 4)));
    var decision = decide(converged(d, "1"), o);
    assertThat(steps(decision).get(0))
        .isEqualTo("route alias live to version 1 alone (drop weighted routing)");
  }

  @Test
  void refusesAFunctionNoOperatorCreatedUnlessAskedToAdoptIt() {
    var untagged = latest(d, Map.of());
    var refused =
        decide(FunctionRecord.empty(), none().refusedCreate().withFunction(Seen.of(untagged)));
    assertThat(refused.actions()).isEmpty();
    assertThat(refused.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(refused.stop().message()).contains("orders-list-orders", "lmi.dev/adopt");
    assertThat(refused.record().latest().nameTaken()).isTrue();
    assertThat(refused.record().latest().functionArn()).isNull();

    fn.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var adopter = Owner.of("default", fn);
    var adopted =
        new FunctionPlan(d, adopter, PACE)
            .decide(FunctionRecord.empty(), none().withFunction(Seen.of(untagged)));
    // Adopted, its configuration matches: a version of it is published, as for any new spec.
    assertThat(now(adopted)).containsExactly("Adopt", "Publish");
  }

  @Test
  void neverTouchesAFunctionAnotherObjectOwnsWhateverItsStatusOrAnnotationsSay() {
    var theirs =
        latest(d, Map.of(Api.OWNER_TAG, Ownership.tag(owner.identity(), Fixtures.OTHER_UID)));
    fn.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var forged = converged(d, "1");

    var decision =
        new FunctionPlan(d, Owner.of("default", fn), PACE)
            .decide(forged, none().withFunction(Seen.of(theirs)));

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(decision.stop().message())
        .contains("LmiFunction orders/list-orders (uid " + Fixtures.OTHER_UID);
    assertThat(decision.record().latest().functionArn()).isNull();
    assertThat(decision.record().served().aliasArn()).isNull();
  }

  @Test
  void anObjectOfAnotherNamespaceNamingTheFunctionIsRefusedWhateverItsAnnotations() {
    var thief = dev.lmi.operator.testing.Resources.function("other", "thief", "orders-pool");
    thief.getMetadata().setUid(Fixtures.OTHER_UID);
    thief.getSpec().setAwsName(d.name());
    thief.getSpec().setRoleArn("arn:aws:iam::123456789012:role/thief");
    thief.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var theirs = Owner.of("default", thief);
    var wanted = FunctionDesired.of(thief, Fixtures.PROVIDER_ARN, theirs.tag());

    var decision =
        new FunctionPlan(wanted, theirs, PACE)
            .decide(converged(d, "1"), none().withFunction(Seen.of(ours())));

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.writes()).isFalse();
    assertThat(decision.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(decision.stop().message()).contains(d.name(), "LmiFunction orders/list-orders");
  }

  @Test
  void aForgedStatusDoesNotSkipTheOwnerCheckOfThisProcess() {
    // A status claiming a publish is in flight, but this process never read the owner tag.
    var r = converged(d, "1").published(version("2", "Pending"), d.configHash()).matched(d);
    assertThat(decide(r, none()).needs()).isEqualTo(Read.FUNCTION);
    assertThat(decide(r, verified()).needs()).isEqualTo(Read.VERSION);
  }

  @Test
  void recordsTheUidInTheTagAnOlderOperatorWroteOnce() {
    var old = latest(d, Map.of(Api.OWNER_TAG, owner.identity()));
    var decision =
        decide(
            converged(d, "1"),
            verified()
                .withFunction(Seen.of(old))
                .withAlias(Seen.of(alias("1")))
                .withScaling(Seen.of(settled(3, 4))));
    assertThat(now(decision)).containsExactly("RecordUid");
    assertThat(decision.stop().isReady()).isTrue();
  }

  @Test
  void aStandardLambdaFunctionCanNeverBecomeAnLmiOne() {
    var standard =
        new FunctionView(
            Fixtures.ARN,
            "Active",
            null,
            null,
            "Successful",
            null,
            null,
            false,
            d.settings(),
            "sha",
            null,
            ours().tags());
    var decision = decide(converged(d, "1"), verified().withFunction(Seen.of(standard)));
    assertThat(decision.stop().reason()).isEqualTo(Reason.NotLmiFunction);
  }

  @Test
  void anUpdateOfThisSpecThatFailedIsNotSentAgain() {
    var r = converged(d, "1").sent(d, false);
    var failed =
        new FunctionView(
            Fixtures.ARN,
            "ActiveNonInvocable",
            null,
            null,
            "Failed",
            "InvalidRole",
            "no role",
            true,
            d.settings(),
            "sha",
            null,
            ours().tags());
    var decision = decide(r, verified().withFunction(Seen.of(failed)));
    assertThat(decision.stop().reason()).isEqualTo(Reason.UpdateFailed);
    assertThat(decision.stop().message()).contains("InvalidRole: no role", "change the spec");
  }

  @Test
  void aLostRecordOfVersionsIsListedOnceTheAliasMoves() {
    var lost = converged(d, "1").kept(List.of());
    var r =
        new FunctionRecord(
            lost.latest(),
            new PublishedRecord("2", "Active", d.configHash(), null, null),
            lost.served());
    var o = verified().withFunction(Seen.of(ours())).withAlias(Seen.of(alias("1")));
    assertThat(decide(r, o).needs()).isEqualTo(Read.VERSIONS);
  }

  @Test
  void aRestartThatLostThePublishPublishesAgainAndAwsReturnsTheSameVersion() {
    var r = FunctionRecord.empty().named(d).created(d, ours(), null).matched(d);
    var decision = decide(r, verified().withFunction(Seen.of(ours())));
    assertThat(now(decision)).containsExactly("Publish");
  }

  @Test
  void aVersionDeletedBehindTheOperatorsBackIsPublishedAgain() {
    var r = converged(d, "1").published(version("2", "Pending"), d.configHash());
    var decision = decide(r, verified().withFunction(Seen.of(ours())).withVersion(Seen.absent()));
    assertThat(now(decision)).containsExactly("Publish");
  }

  @Test
  void aSpecChangeDuringAPublishReadsLatestAgain() {
    var r = converged(d, "1").published(version("2", "Pending"), d.configHash()).matched(d);
    assertThat(decide(r, verified()).needs()).isEqualTo(Read.VERSION);
    change(f -> f.getSpec().setTimeoutSeconds(42));
    assertThat(decide(r, verified()).needs()).isEqualTo(Read.FUNCTION);
  }

  @Test
  void retentionDeletesAFailedVersionButNotTheRollbackTarget() {
    var r = converged(d, "1").published(version("3", "Active"), d.configHash());
    var o =
        verified()
            .withFunction(Seen.of(ours()))
            .withAlias(Seen.of(alias("1")))
            .withVersions(
                Seen.of(
                    List.of(
                        version("1", "Active"), version("2", "Failed"), version("3", "Active"))));
    var decision = decide(r.kept(List.of("1", "2", "3")), o);
    assertThat(steps(decision)).contains("prune version 2");
    assertThat(decision.record().published().versions()).containsExactly("1", "3");
  }
}
