package dev.lmi.operator.capacity;

/**
 * The states of a published version that matter to capacity. A version holds execution environments
 * while it starts, serves or winds down; deactivated, failed and deleted versions hold none.
 */
public enum VersionState {
  PENDING(true),
  ACTIVE(true),
  DEACTIVATING(true),
  DEACTIVATED(false),
  FAILED(false),
  DELETING(false),
  OTHER(false);

  private final boolean holds;

  VersionState(boolean holds) {
    this.holds = holds;
  }

  /** Whether a version in this state can hold execution environments. */
  public boolean holdsEnvironments() {
    return holds;
  }

  /** The state of Lambda's word for it (Pending, Active, Deactivated, ...); OTHER for the rest. */
  public static VersionState of(String awsState) {
    if (awsState == null) {
      return OTHER;
    }
    return switch (awsState) {
      case "Pending" -> PENDING;
      case "Active" -> ACTIVE;
      case "Deactivating" -> DEACTIVATING;
      case "Deactivated" -> DEACTIVATED;
      case "Failed" -> FAILED;
      case "Deleting" -> DELETING;
      default -> OTHER;
    };
  }
}
