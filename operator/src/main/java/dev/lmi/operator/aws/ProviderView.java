package dev.lmi.operator.aws;

/** A capacity provider as AWS reports it. */
public record ProviderView(
    String arn, String state, ProviderFixed fixed, ProviderTunables tunables) {

  public boolean active() {
    return isActive(state);
  }

  /** Being created or updated. */
  public boolean pending() {
    return "Pending".equals(state);
  }

  public boolean failed() {
    return "Failed".equals(state);
  }

  public boolean deleting() {
    return "Deleting".equals(state);
  }

  /** Whether a provider state, as recorded in a status, is Active. */
  public static boolean isActive(String state) {
    return "Active".equals(state);
  }
}
