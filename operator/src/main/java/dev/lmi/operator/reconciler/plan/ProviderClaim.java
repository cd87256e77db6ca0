package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.aws.ProviderView;

/** Ownership of a capacity provider found in AWS, decided by its owner tag, never the status. */
final class ProviderClaim {
  private ProviderClaim() {}

  /**
   * Whether this object may write the provider, by its owner tag (GetCapacityProvider returns none,
   * so they are read when this process first meets the provider, and before every write): ours,
   * adopted on request when nobody owns it, else refused.
   */
  static boolean decide(
      Path<ProviderAction, ProviderRecord> p,
      ProviderObservation o,
      CapacityProvider cp,
      Owner owner,
      ProviderView view) {
    if (o.ownerVerified() && !o.tags().known()) {
      return true;
    }
    var found = p.need(o.tags(), ProviderPlan.Read.TAGS).get(Api.OWNER_TAG);
    switch (owner.claim(found)) {
      case OURS -> {
        return true;
      }
      case OURS_BY_NAME -> {
        p.add(new ProviderAction.RecordUid(view.arn(), owner.tag()));
        return true;
      }
      case UNTAGGED -> {
        if (owner.adoptRequested()) {
          return ProviderNetwork.adopt(p, o, cp, owner, view);
        }
      }
      default -> {}
    }
    p.record(p.record().refused());
    p.end(Refusals.notOwned("capacity provider", cp.awsName(), found));
    return false;
  }
}
