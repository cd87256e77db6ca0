package dev.lmi.operator.aws;

import java.util.Map;

/** A function's $LATEST as AWS reports it. */
public record FunctionView(
    String arn,
    String state,
    String stateReasonCode,
    String stateReason,
    String lastUpdateStatus,
    String lastUpdateStatusReasonCode,
    String lastUpdateStatusReason,
    boolean lmi,
    FunctionSettings settings,
    String codeSha256,
    String imageUri,
    Map<String, String> tags) {

  /** A function CreateFunction has just been asked for, as a plan expects it: Pending. */
  public static FunctionView beingCreated(FunctionSettings settings, Map<String, String> tags) {
    return new FunctionView(
        null, "Pending", null, null, null, null, null, true, settings, null, null, tags);
  }

  /** AWS is still applying a create or an update: no other change is accepted meanwhile. */
  public boolean updateInProgress() {
    return "InProgress".equals(lastUpdateStatus) || "Pending".equals(state);
  }

  /** The last update (configuration or code) failed; the reason is in lastUpdateStatusReason. */
  public boolean updateFailed() {
    return "Failed".equals(lastUpdateStatus);
  }

  /** AWS is deleting the function (a 202 DeleteFunction, LMI). */
  public boolean deleting() {
    return "Deleting".equals(state);
  }
}
