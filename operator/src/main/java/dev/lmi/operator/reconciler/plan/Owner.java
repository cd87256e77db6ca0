package dev.lmi.operator.reconciler.plan;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * The object a plan is for, as owner tags name it: its identity (cluster, kind, namespace, name),
 * its uid (null for an object read from a manifest, which has none yet) and whether it asks to
 * adopt an AWS resource nobody owns.
 */
public record Owner(String identity, String uid, boolean adoptRequested) {

  public static Owner of(String clusterName, LmiFunction fn) {
    return new Owner(FunctionDesired.identity(clusterName, fn), uid(fn), adopts(fn));
  }

  public static Owner of(String clusterName, CapacityProvider cp) {
    return new Owner(ProviderDesired.identity(clusterName, cp), uid(cp), adopts(cp));
  }

  /** The owner tag's value this object writes. */
  public String tag() {
    return uid == null ? identity : Ownership.tag(identity, uid);
  }

  /** What a tag found on a resource means for this object. */
  public Ownership.Claim claim(String found) {
    return Ownership.claim(found, identity, uid);
  }

  /** Whether this object may delete or release what carries this tag. */
  public boolean mayDelete(String found) {
    var claim = claim(found);
    return claim == Ownership.Claim.OURS || claim == Ownership.Claim.OURS_BY_NAME;
  }

  private static String uid(HasMetadata o) {
    var uid = o.getMetadata().getUid();
    return uid == null || uid.isBlank() ? null : uid;
  }

  private static boolean adopts(HasMetadata o) {
    var annotations = o.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(Api.ADOPT_ANNOTATION));
  }
}
