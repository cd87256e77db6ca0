package dev.lmi.operator.aws;

/**
 * A published version of a function and its state; {@code role} and {@code deadLetterTarget} are
 * what AWS compares before it lets two versions share a weighted alias (null when not read).
 */
public record VersionView(
    String version,
    String state,
    String stateReasonCode,
    String stateReason,
    String codeSha256,
    String description,
    String role,
    String deadLetterTarget) {
  /** The state PublishVersion answers with, before the version's environments start. */
  public static final String PENDING = "Pending";

  /** The state a version scaled to min = max = 0 passes through on its way to Deactivated. */
  public static final String DEACTIVATING = "Deactivating";

  public VersionView(
      String version, String state, String stateReasonCode, String stateReason, String codeSha256) {
    this(version, state, stateReasonCode, stateReason, codeSha256, null);
  }

  public VersionView(
      String version,
      String state,
      String stateReasonCode,
      String stateReason,
      String codeSha256,
      String description) {
    this(version, state, stateReasonCode, stateReason, codeSha256, description, null, null);
  }

  /** Serving: its execution environments started. */
  public boolean active() {
    return isActive(state);
  }

  public boolean failed() {
    return isFailed(state);
  }

  /** Still starting its execution environments. */
  public boolean pending() {
    return PENDING.equals(state);
  }

  /** Scaled to zero (min = max = 0): AWS does not bring it back by itself. */
  public boolean deactivated() {
    return isDeactivated(state);
  }

  /** Whether a version state, as recorded in a status, is scaled to zero or on its way there. */
  public static boolean isDeactivated(String state) {
    return DEACTIVATING.equals(state) || "Deactivated".equals(state);
  }

  /** Whether a version state, as recorded in a status, is Active. */
  public static boolean isActive(String state) {
    return "Active".equals(state);
  }

  /** Whether a version state, as recorded in a status, is still starting. */
  public static boolean isPending(String state) {
    return PENDING.equals(state);
  }

  /** Whether a version state, as recorded in a status, is Failed. */
  public static boolean isFailed(String state) {
    return "Failed".equals(state);
  }

  /** A version just published, as a plan expects it: starting. */
  public static VersionView starting(String version) {
    return new VersionView(version, PENDING, null, null, null);
  }

  /** A version as a plan expects it once it started. */
  public static VersionView serving(String version) {
    return new VersionView(version, "Active", null, null, null);
  }
}
