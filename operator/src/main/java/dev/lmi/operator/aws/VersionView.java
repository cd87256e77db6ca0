package dev.lmi.operator.aws;

/** A published version of a function and its state. */
public record VersionView(
    String version,
    String state,
    String stateReasonCode,
    String stateReason,
    String codeSha256,
    String description) {

  public VersionView(
      String version, String state, String stateReasonCode, String stateReason, String codeSha256) {
    this(version, state, stateReasonCode, stateReason, codeSha256, null);
  }

  /** Serving: its execution environments started. */
  public boolean active() {
    return isActive(state);
  }

  public boolean failed() {
    return "Failed".equals(state);
  }

  /** Still starting its execution environments. */
  public boolean pending() {
    return "Pending".equals(state);
  }

  /** Scaled to zero (min = max = 0): AWS does not bring it back by itself. */
  public boolean deactivated() {
    return "Deactivating".equals(state) || "Deactivated".equals(state);
  }

  /** Whether a version state, as recorded in a status, is Active. */
  public static boolean isActive(String state) {
    return "Active".equals(state);
  }

  /** Whether a version state, as recorded in a status, is still starting. */
  public static boolean isPending(String state) {
    return "Pending".equals(state);
  }
}
