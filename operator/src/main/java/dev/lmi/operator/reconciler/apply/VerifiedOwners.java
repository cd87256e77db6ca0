package dev.lmi.operator.reconciler.apply;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AWS resources whose owner tag this process read naming an object (by uid). A status could be
 * forged by whoever can write it; this memory cannot, so only it lets a poll skip reading the tag
 * again (a publish or scaling under way, a provider resync).
 */
public final class VerifiedOwners {
  private final Map<String, String> arnByUid = new ConcurrentHashMap<>();

  /** True when this process found the resource's owner tag naming the object. */
  public boolean verified(String uid, String arn) {
    return uid != null && arn != null && arn.equals(arnByUid.get(uid));
  }

  public void verify(String uid, String arn) {
    if (uid != null && arn != null) {
      arnByUid.put(uid, arn);
    }
  }

  public void forget(String uid) {
    if (uid != null) {
      arnByUid.remove(uid);
    }
  }
}
