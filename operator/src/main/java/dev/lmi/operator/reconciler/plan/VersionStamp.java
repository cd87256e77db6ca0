package dev.lmi.operator.reconciler.plan;

/**
 * The description a published version carries: which desired configuration (settings and code
 * identity, hashed) it was made from. It lets a plan without a status, the plan command's, tell
 * whether AWS already has a version of the spec, as the operator's status does.
 */
public final class VersionStamp {
  private static final String PREFIX = "lmi.dev config ";

  private VersionStamp() {}

  public static String of(String configHash) {
    return PREFIX + configHash;
  }

  /** The configuration hash a version description names, or null for another description. */
  public static String hash(String description) {
    return description != null && description.startsWith(PREFIX)
        ? description.substring(PREFIX.length()).trim()
        : null;
  }
}
