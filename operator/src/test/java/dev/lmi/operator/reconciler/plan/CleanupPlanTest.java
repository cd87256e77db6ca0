package dev.lmi.operator.reconciler.plan;

import static dev.lmi.operator.reconciler.plan.Fixtures.PACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.aws.FunctionView;
import dev.lmi.operator.aws.ProviderView;
import dev.lmi.operator.status.Reason;
import dev.lmi.operator.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deleting objects: only what the owner tag says is theirs, idempotently. */
class CleanupPlanTest {
  private final dev.lmi.operator.api.LmiFunction fn = Fixtures.function();
  private final Owner owner = Fixtures.owner(fn);
  private final FunctionDesired d = Fixtures.desired(fn);
  private final CleanupPlan plan = new CleanupPlan(owner, PACE);

  private FunctionObservation seen(FunctionView v) {
    return FunctionObservation.none(false).withFunction(v == null ? Seen.absent() : Seen.of(v));
  }

  @Test
  void deletesAliasThenFunctionItOwnsAndWaitsForAws() {
    var cleanup =
        plan.deleteFunction("orders-list-orders", "live", seen(Fixtures.latest(d, owner)));
    assertThat(cleanup.actions())
        .extracting(PlannedAction::text)
        .containsExactly("delete alias live and function orders-list-orders");
    assertThat(cleanup.actions().get(0).writes()).containsExactly("DeleteAlias", "DeleteFunction");
    assertThat(cleanup.waiting().reason()).isEqualTo(Reason.Deleting);
  }

  @Test
  void aFunctionAlreadyGoneIsDoneAndOneBeingDeletedIsWaitedFor() {
    assertThat(plan.deleteFunction("x", "live", FunctionObservation.none(false)).needs())
        .isEqualTo(FunctionPlan.Read.FUNCTION);
    var gone = plan.deleteFunction("x", "live", seen(null));
    assertThat(gone.actions()).isEmpty();
    assertThat(gone.waiting()).isNull();
    var v = Fixtures.latest(d, owner);
    var deleting =
        new FunctionView(
            v.arn(),
            "Deleting",
            null,
            null,
            null,
            null,
            null,
            true,
            v.settings(),
            null,
            null,
            v.tags());
    var waiting = plan.deleteFunction("x", "live", seen(deleting));
    assertThat(waiting.actions()).isEmpty();
    assertThat(waiting.waiting().reason()).isEqualTo(Reason.Deleting);
  }

  @Test
  void leavesAFunctionAnotherObjectOwnsOrNobodyOwns() {
    var theirs =
        Fixtures.latest(
            d, Map.of(Api.OWNER_TAG, Ownership.tag(owner.identity(), Fixtures.OTHER_UID)));
    var left = plan.deleteFunction("orders-list-orders", "live", seen(theirs));
    assertThat(left.actions()).isEmpty();
    assertThat(left.retained())
        .contains("is owned by LmiFunction orders/list-orders (uid " + Fixtures.OTHER_UID);
    assertThat(plan.deleteFunction("x", "live", seen(Fixtures.latest(d, Map.of()))).retained())
        .contains("has no owner tag");
  }

  @Test
  void retainReleasesOnlyAFunctionTaggedWithThisObjectsUid() {
    var released = plan.retainFunction(seen(Fixtures.latest(d, owner)));
    assertThat(released)
        .singleElement()
        .isEqualTo(new FunctionAction.Release(Fixtures.ARN, owner.identity()));
    assertThat(plan.retainFunction(seen(Fixtures.latest(d, Map.of())))).isEmpty();
    assertThat(plan.retainFunction(seen(null))).isEmpty();
  }

  @Test
  void aProviderGoneFromAwsLeavesOnlyItsEndpointsToDelete() {
    var record = ProviderRecord.empty().network(NetworkRecord.empty().created(List.of("vpce-1")));
    var o = ProviderObservation.none(false).withProvider(Seen.absent());
    var cleanup = plan.deleteProvider("orders-pool", record, o);
    assertThat(cleanup.actions())
        .containsExactly(new ProviderAction.DeleteEndpoints(List.of("vpce-1")));
    assertThat(cleanup.waiting()).isNull();
  }

  @Test
  void deletesOnlyAProviderItsOwnerTagNames() {
    var view = new ProviderView("arn:cp", "Active", null, null);
    var o = ProviderObservation.none(false).withProvider(Seen.of(view));
    assertThat(plan.deleteProvider("p", ProviderRecord.empty(), o).needs())
        .isEqualTo(ProviderPlan.Read.TAGS);
    var foreign = o.withTags(Seen.of(Map.of(Api.OWNER_TAG, "prod/CapacityProvider/p")));
    assertThat(plan.deleteProvider("p", ProviderRecord.empty(), foreign).retained())
        .contains("cluster prod");
    var ours = o.withTags(Seen.of(Map.of(Api.OWNER_TAG, owner.tag())));
    assertThat(plan.deleteProvider("p", ProviderRecord.empty(), ours).actions())
        .containsExactly(new ProviderAction.Delete("p"));
  }

  @Test
  void retainReleasesOnlyAProviderTaggedWithThisObjectsUid() {
    var view = new ProviderView("arn:cp", "Active", null, null);
    var o = ProviderObservation.none(false).withProvider(Seen.of(view));
    var ours = o.withTags(Seen.of(Map.of(Api.OWNER_TAG, owner.tag())));
    assertThat(plan.retainProvider(ours))
        .containsExactly(new ProviderAction.Release("arn:cp", owner.identity()));
    var theirs =
        o.withTags(
            Seen.of(Map.of(Api.OWNER_TAG, Ownership.tag(owner.identity(), Fixtures.OTHER_UID))));
    assertThat(plan.retainProvider(theirs)).isEmpty();
    assertThat(plan.retainProvider(o.withTags(Seen.of(Map.of())))).isEmpty();
    assertThat(plan.retainProvider(ProviderObservation.none(false).withProvider(Seen.absent())))
        .isEmpty();
  }

  @Test
  void deletingAnObjectThatClaimedAnotherObjectsProviderLeavesIt() {
    var first = Resources.provider("orders-pool", "orders");
    first.getMetadata().setUid(Fixtures.OTHER_UID);
    var copy = Resources.provider("copy", "orders");
    copy.getMetadata().setUid(Fixtures.UID);
    var view = new ProviderView("arn:cp", "Active", null, null);
    var o =
        ProviderObservation.none(false)
            .withProvider(Seen.of(view))
            .withTags(Seen.of(Map.of(Api.OWNER_TAG, Owner.of("default", first).tag())));

    var cleanup =
        new CleanupPlan(Owner.of("default", copy), PACE)
            .deleteProvider("orders-pool", ProviderRecord.empty(), o);

    assertThat(cleanup.actions()).isEmpty();
    assertThat(cleanup.retained()).contains("CapacityProvider orders-pool");
  }
}
