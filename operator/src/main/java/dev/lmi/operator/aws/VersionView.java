package dev.lmi.operator.aws;

/** A published version of a function and its state. */
public record VersionView(
    String version, String state, String stateReasonCode, String stateReason, String codeSha256) {

  public boolean active() {
    return "Active".equals(state);
  }

  public boolean failed() {
    return "Failed".equals(state);
  }
}
