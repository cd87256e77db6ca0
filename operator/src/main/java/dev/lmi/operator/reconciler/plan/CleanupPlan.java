package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.reconciler.plan.FunctionAction.Delete;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.util.List;

/**
 * What deleting an object does in AWS. Idempotent: what is gone is done. Only what the owner tag
 * says is this object's is deleted (the status is no proof); with deletionPolicy Retain the tag
 * loses the uid, so the resource passes to the next object of the same name and to no other.
 */
public final class CleanupPlan {
  private final Owner owner;
  private final Pace pace;

  public CleanupPlan(Owner owner, Pace pace) {
    this.owner = owner;
    this.pace = pace;
  }

  /** The alias, then the function; AWS may take a while to delete an LMI function. */
  public Cleanup<FunctionAction, FunctionPlan.Read> deleteFunction(
      String awsName, String alias, FunctionObservation o) {
    if (!o.function().known()) {
      return Cleanup.needs(FunctionPlan.Read.FUNCTION);
    }
    var view = o.function().value();
    if (view == null) {
      return Cleanup.done(List.of());
    }
    var found = view.tags().get(Api.OWNER_TAG);
    if (!owner.mayDelete(found)) {
      return Cleanup.leave(Refusals.retained("function", awsName, found));
    }
    var waiting = deleting("function " + awsName);
    return view.deleting()
        ? Cleanup.waiting(List.of(), waiting)
        : Cleanup.waiting(List.of(new Delete(awsName, alias)), waiting);
  }

  /** deletionPolicy Retain: the function stays; this object's uid leaves its owner tag. */
  public List<FunctionAction> retainFunction(FunctionObservation o) {
    var view = o.function().value();
    return view != null && owner.tag().equals(view.tags().get(Api.OWNER_TAG))
        ? List.of(new FunctionAction.Release(view.arn(), owner.identity()))
        : List.of();
  }

  /**
   * The provider once no function version holds it (AWS refuses before; the refusal names who holds
   * it), and the VPC endpoints this operator created for it once it is gone.
   */
  public Cleanup<ProviderAction, ProviderPlan.Read> deleteProvider(
      String awsName, ProviderRecord record, ProviderObservation o) {
    if (!o.provider().known()) {
      return Cleanup.needs(ProviderPlan.Read.PROVIDER);
    }
    var view = o.provider().value();
    if (view == null) {
      var endpoints = record.network().createdEndpoints();
      return Cleanup.done(
          endpoints == null || endpoints.isEmpty()
              ? List.of()
              : List.of(new ProviderAction.DeleteEndpoints(endpoints)));
    }
    if (!o.tags().known()) {
      return Cleanup.needs(ProviderPlan.Read.TAGS);
    }
    var found = o.tags().value().get(Api.OWNER_TAG);
    if (!owner.mayDelete(found)) {
      return Cleanup.leave(Refusals.retained("capacity provider", awsName, found));
    }
    var waiting = deleting("capacity provider " + awsName);
    return view.deleting()
        ? Cleanup.waiting(List.of(), waiting)
        : Cleanup.waiting(List.of(new ProviderAction.Delete(awsName)), waiting);
  }

  /** deletionPolicy Retain: the provider stays; this object's uid leaves its owner tag. */
  public List<ProviderAction> retainProvider(ProviderObservation o) {
    var view = o.provider().value();
    var tags = o.tags().value();
    return view != null && tags != null && owner.tag().equals(tags.get(Api.OWNER_TAG))
        ? List.of(new ProviderAction.Release(view.arn(), owner.identity()))
        : List.of();
  }

  private Outcome deleting(String what) {
    return Outcome.waiting(Reason.Deleting, "AWS is deleting " + what, pace.poll());
  }
}
