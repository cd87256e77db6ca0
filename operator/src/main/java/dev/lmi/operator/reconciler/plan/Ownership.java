package dev.lmi.operator.reconciler.plan;

import java.util.regex.Pattern;

/**
 * The owner tag ({@code lmi.dev/owner}) and what it says about an object's claim on an AWS
 * resource. The value names the cluster and the object: {@code cluster/Kind/namespace/name/uid}
 * (providers, being cluster-scoped, have no namespace). Without its uid ({@code
 * cluster/Kind/namespace/name}), the value is one an older operator wrote, or one a deleted object
 * with deletionPolicy Retain left behind: the resource passes to the next object of that name. Pure
 * functions.
 */
public final class Ownership {
  /** AWS's limit on a tag value. */
  static final int MAX_TAG_VALUE = 256;

  private static final int UID_PART = 37;
  private static final int HASH = 16;
  private static final Pattern UID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** What an owner tag means for one object. */
  public enum Claim {
    /** The tag names this object, uid included. */
    OURS,
    /** The tag names this object's cluster, kind, namespace and name, but no uid. */
    OURS_BY_NAME,
    /** No owner tag: not created by this operator. */
    UNTAGGED,
    /** The tag names another object, cluster or uid. */
    OTHERS
  }

  private Ownership() {}

  /**
   * Cluster, kind, namespace (null for cluster-scoped kinds) and name, joined by '/'. Past AWS's
   * limit (names may have 253 characters) the end gives way to a hash of the whole, so the value
   * with the uid still fits and stays unique.
   */
  public static String identity(String cluster, String kind, String namespace, String name) {
    var full = cluster + "/" + kind + "/" + (namespace == null ? "" : namespace + "/") + name;
    if (full.length() + UID_PART <= MAX_TAG_VALUE) {
      return full;
    }
    var keep = MAX_TAG_VALUE - UID_PART - HASH - 1;
    return full.substring(0, keep) + "~" + FunctionDesired.sha256(full).substring(0, HASH);
  }

  /** The tag value of the object with this identity and uid. */
  public static String tag(String identity, String uid) {
    return identity + "/" + uid;
  }

  /**
   * What the tag value found on a resource means for the object with this identity and uid. A null
   * uid stands for an object read from a manifest, which has none yet (the plan command): a tag
   * naming the same cluster, kind, namespace and name with any uid counts as its own.
   */
  public static Claim claim(String found, String identity, String uid) {
    if (found == null || found.isBlank()) {
      return Claim.UNTAGGED;
    }
    if (uid == null
        && found.startsWith(identity + "/")
        && UID.matcher(found.substring(identity.length() + 1)).matches()) {
      return Claim.OURS;
    }
    if (found.equals(tag(identity, uid))) {
      return Claim.OURS;
    }
    return found.equals(identity) ? Claim.OURS_BY_NAME : Claim.OTHERS;
  }

  /** Who a tag value names, for a message: "LmiFunction ns/name (uid ..., cluster c)". */
  public static String describe(String found) {
    var parts = found.split("/", -1);
    var hasUid = UID.matcher(parts[parts.length - 1]).matches();
    var named = hasUid ? parts.length - 1 : parts.length;
    if (named < 3 || named > 4 || (named == 4) != "LmiFunction".equals(parts[1])) {
      return "the owner tag lmi.dev/owner=" + found;
    }
    var object = named == 4 ? parts[2] + "/" + parts[3] : parts[2];
    return parts[1]
        + " "
        + object
        + " ("
        + (hasUid ? "uid " + parts[parts.length - 1] + ", " : "")
        + "cluster "
        + parts[0]
        + ")";
  }
}
