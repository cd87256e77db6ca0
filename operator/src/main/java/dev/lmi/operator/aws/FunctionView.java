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

  public boolean updateInProgress() {
    return "InProgress".equals(lastUpdateStatus) || "Pending".equals(state);
  }
}
