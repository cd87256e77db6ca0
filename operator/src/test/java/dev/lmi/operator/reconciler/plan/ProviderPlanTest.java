package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.ProviderFixed;
import dev.lmi.operator.aws.ProviderTunables;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.reconciler.plan.ProviderPlan.Read;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The capacity provider plan, transition by transition, decided from values. */
class ProviderPlanTest {
  private static final String ARN =
      "arn:aws:lambda:us-east-1:123456789012:capacity-provider:orders-pool";
  private final CapacityProvider cp = provider();

  private static CapacityProvider provider() {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getMetadata().setUid(Fixtures.UID);
    return cp;
  }

  private Owner owner() {
    return Owner.of("default", cp);
  }

  private Decision<ProviderAction, Read, ProviderRecord> decide(
      ProviderRecord r, ProviderObservation o) {
    return new ProviderPlan(cp, owner(), "us-east-1", PACE).decide(r, o);
  }

  private ProviderView view(String state) {
    var d = ProviderDesired.of(cp, Resources.SUBNETS, List.of(Resources.SECURITY_GROUP), "");
    return new ProviderView(ARN, state, d.fixed(), d.tunables());
  }

  private static NetworkPlan network(List<String> problems, List<String> missing) {
    return new NetworkPlan(
        "vpc-1",
        Resources.SUBNETS,
        List.of(Resources.SECURITY_GROUP),
        List.of("us-east-1a", "us-east-1b"),
        List.of("rtb-1"),
        problems,
        missing);
  }

  private Map<String, String> ownTags() {
    return Map.of(Api.OWNER_TAG, owner().tag());
  }

  private static List<String> types(Decision<ProviderAction, ?, ?> d) {
    return d.now().stream().map(PlannedAction::type).toList();
  }

  @Test
  void checksTheNetworkThenCreatesTheProvider() {
    var o = ProviderObservation.none(false).withProvider(Seen.absent());
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.NETWORK);

    var decision =
        decide(ProviderRecord.empty(), o.withNetwork(Seen.of(network(List.of(), List.of()))));

    assertThat(types(decision)).containsExactly("Create");
    assertThat(decision.actions().get(0).text())
        .isEqualTo("create capacity provider orders-pool (arm64)");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Provisioning);
    assertThat(decision.record().network().availabilityZones()).hasSize(2);
  }

  @Test
  void refusesANetworkThatCannotWorkOrLacksEndpointsItMayNotCreate() {
    var o = ProviderObservation.none(false).withProvider(Seen.absent());
    var invalid =
        decide(
            ProviderRecord.empty(),
            o.withNetwork(Seen.of(network(List.of("subnets not found: x"), List.of()))));
    assertThat(invalid.stop().reason()).isEqualTo(Reason.InvalidNetwork);
    assertThat(invalid.actions()).isEmpty();

    var missing = o.withNetwork(Seen.of(network(List.of(), List.of("dynamodb", "logs"))));
    var refused = decide(ProviderRecord.empty(), missing);
    assertThat(refused.stop().reason()).isEqualTo(Reason.MissingVpcEndpoints);
    assertThat(refused.stop().message()).contains("dynamodb, logs", "createMissingEndpoints");

    cp.getSpec().getVpc().setCreateMissingEndpoints(true);
    var allowed = decide(ProviderRecord.empty(), missing);
    assertThat(types(allowed)).containsExactly("CreateEndpoints", "Create");
    assertThat(allowed.actions().get(0).writes()).hasSize(2);
  }

  @Test
  void readsTheOwnerTagWhenThisProcessFirstMeetsTheProvider() {
    var o = ProviderObservation.none(false).withProvider(Seen.of(view("Pending")));
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.TAGS);
    var pending = decide(ProviderRecord.empty(), o.withTags(Seen.of(ownTags())));
    assertThat(pending.actions()).hasSize(1);
    assertThat(pending.stop().reason()).isEqualTo(Reason.Provisioning);
    assertThat(pending.record().arn()).isEqualTo(ARN);
  }

  @Test
  void aResyncReadsTheProviderAndItsAttachedVersionsAndWritesNothing() {
    var o = ProviderObservation.none(true).withProvider(Seen.of(view("Active")));
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.ATTACHED);
    var decision = decide(ProviderRecord.empty(), o.withAttached(Seen.of(List.of("a:1", "b:1"))));
    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().isReady()).isTrue();
    assertThat(decision.stop().message()).isEqualTo("Active; 2 of 100 function versions attached");
    assertThat(decision.record().attachedVersions()).isEqualTo(2);
  }

  @Test
  void updatesScalingInPlaceAfterReadingTheOwnerTagAgain() {
    var before = view("Active");
    cp.getSpec().getScaling().setMaxVCpuCount(128);
    var o = ProviderObservation.none(true).withProvider(Seen.of(before));
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.TAGS);

    var decision = decide(ProviderRecord.empty(), o.withTags(Seen.of(ownTags())));

    assertThat(types(decision)).containsExactly("Update");
    assertThat(decision.actions().get(0).text())
        .isEqualTo("update: scaling.maxVCpuCount 400 → 128");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Updating);
  }

  @Test
  void updatesTagPropagationAndTelemetryInPlaceWithTheScaling() {
    var before = view("Active");
    cp.getSpec().getScaling().setMaxVCpuCount(128);
    var propagate = new dev.lmi.operator.api.PropagateTagsSpec();
    propagate.setMode(dev.lmi.operator.api.PropagateTagsMode.EXPLICIT);
    propagate.setExplicitTags(Map.of("cost-center", "42"));
    cp.getSpec().setPropagateTags(propagate);
    var telemetry = new dev.lmi.operator.api.TelemetrySpec();
    telemetry.setSystemLogLevel(dev.lmi.operator.api.SystemLogLevel.WARN);
    cp.getSpec().setTelemetry(telemetry);
    var o = ProviderObservation.none(true).withProvider(Seen.of(before));

    var decision = decide(ProviderRecord.empty(), o.withTags(Seen.of(ownTags())));

    assertThat(types(decision)).containsExactly("Update");
    assertThat(decision.actions().get(0).text())
        .contains(
            "scaling.maxVCpuCount 400 → 128",
            "propagateTags.mode",
            "propagateTags.explicitTags",
            "telemetry.systemLogLevel");
    assertThat(decision.stop().reason()).isEqualTo(Reason.Updating);
  }

  @Test
  void refusesACreateOnlyChangeWithOldAndNewValuesAndDeletesNothing() {
    var before = view("Active");
    cp.getSpec().getInstanceRequirements().setArchitecture(Architecture.X86_64);
    var o = ProviderObservation.none(true).withProvider(Seen.of(before));
    var decision = decide(ProviderRecord.empty(), o);
    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.CreateOnlyFieldChanged);
    assertThat(decision.stop().message())
        .contains("instanceRequirements.architecture arm64 → x86_64", "nothing was deleted");
    assertThat(decision.record().architecture()).isEqualTo("arm64");
  }

  @Test
  void leavesAnUnownedProviderAloneUnlessAskedAndAdoptsOnlyAMatchingOne() {
    var o =
        ProviderObservation.none(false)
            .withProvider(Seen.of(view("Active")))
            .withTags(Seen.of(Map.of()));
    var refused = decide(ProviderRecord.empty(), o);
    assertThat(refused.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(refused.stop().message()).contains("lmi.dev/adopt");
    assertThat(refused.record().arn()).isNull();

    cp.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.NETWORK);
    var withNetwork =
        o.withNetwork(Seen.of(network(List.of(), List.of()))).withAttached(Seen.of(List.of()));
    var adopted = decide(ProviderRecord.empty(), withNetwork);
    assertThat(types(adopted)).containsExactly("Adopt");
    assertThat(adopted.record().adopted()).isTrue();
    assertThat(adopted.record().arn()).isEqualTo(ARN);

    var other =
        new ProviderView(
            ARN,
            "Active",
            new ProviderFixed(
                List.of(Resources.SUBNETS.get(0)),
                List.of(Resources.SECURITY_GROUP),
                cp.getSpec().getOperatorRoleArn(),
                "arm64",
                null,
                null,
                null),
            view("Active").tunables());
    var conflict = decide(ProviderRecord.empty(), withNetwork.withProvider(Seen.of(other)));
    assertThat(conflict.stop().reason()).isEqualTo(Reason.AdoptionConflict);
    assertThat(conflict.stop().message()).contains("vpc.subnetIds");
    assertThat(conflict.actions()).isEmpty();
  }

  @Test
  void neverAdoptsAProviderAnotherClusterOwns() {
    cp.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var foreign = "prod/CapacityProvider/orders-pool/" + Fixtures.OTHER_UID;
    var o =
        ProviderObservation.none(false)
            .withProvider(Seen.of(view("Active")))
            .withTags(Seen.of(Map.of(Api.OWNER_TAG, foreign)));
    var decision = decide(ProviderRecord.empty(), o);
    assertThat(decision.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(decision.stop().message()).contains("cluster prod");
  }

  @Test
  void neverAdoptsAProviderAnotherObjectOfThisClusterOwns() {
    var first = provider();
    first.getMetadata().setUid(Fixtures.OTHER_UID);
    var copy = Resources.provider("copy", "orders");
    copy.getMetadata().setUid(Fixtures.UID);
    copy.getSpec().setAwsName("orders-pool");
    copy.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var o =
        ProviderObservation.none(false)
            .withProvider(Seen.of(view("Active")))
            .withTags(Seen.of(Map.of(Api.OWNER_TAG, Owner.of("default", first).tag())));

    var decision =
        new ProviderPlan(copy, Owner.of("default", copy), "us-east-1", PACE)
            .decide(ProviderRecord.empty(), o);

    assertThat(decision.actions()).isEmpty();
    assertThat(decision.stop().reason()).isEqualTo(Reason.NotOwned);
    assertThat(decision.stop().message()).contains("CapacityProvider orders-pool");
    assertThat(decision.record().arn()).isNull();
  }

  @Test
  void recordsTheUidInAnOlderOperatorsTag() {
    var o =
        ProviderObservation.none(false)
            .withProvider(Seen.of(view("Active")))
            .withTags(Seen.of(Map.of(Api.OWNER_TAG, owner().identity())))
            .withAttached(Seen.of(List.of()));
    assertThat(types(decide(ProviderRecord.empty(), o))).containsExactly("RecordUid");
  }

  @Test
  void aFailedProviderIsTerminalAndADeletingOneIsWaitedFor() {
    var o = ProviderObservation.none(true);
    assertThat(
            decide(ProviderRecord.empty(), o.withProvider(Seen.of(view("Failed")))).stop().reason())
        .isEqualTo(Reason.ProviderFailed);
    assertThat(
            decide(ProviderRecord.empty(), o.withProvider(Seen.of(view("Deleting"))))
                .stop()
                .reason())
        .isEqualTo(Reason.Deleting);
  }

  @Test
  void subnetsChosenBySelectorAreResolvedAgainWhenTheRecordOfThemIsLost() {
    var vpc = cp.getSpec().getVpc();
    vpc.setSubnetIds(null);
    vpc.setSubnetSelector(new dev.lmi.operator.api.TagSelector());
    vpc.getSubnetSelector().setTags(Map.of("tier", "private"));
    var o = ProviderObservation.none(true).withProvider(Seen.of(view("Active")));
    assertThat(decide(ProviderRecord.empty(), o).needs()).isEqualTo(Read.NETWORK);
    var decision =
        decide(
            ProviderRecord.empty(),
            o.withNetwork(Seen.of(network(List.of(), List.of()))).withAttached(Seen.of(List.of())));
    assertThat(decision.stop().isReady()).isTrue();
  }

  @Test
  void tunablesTheSpecLeavesOutAreAwssToChoose() {
    var max = cp.getSpec().getScaling().getMaxVCpuCount();
    var tunables = new ProviderTunables(max, "Auto", null, "None", Map.of(), "INFO", "/aws/x");
    var v = new ProviderView(ARN, "Active", view("Active").fixed(), tunables);
    var o =
        ProviderObservation.none(true).withProvider(Seen.of(v)).withAttached(Seen.of(List.of()));
    assertThat(decide(ProviderRecord.empty(), o).stop().isReady()).isTrue();
  }
}
