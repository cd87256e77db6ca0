package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;

/** Reads our records out of the SDK's FunctionConfiguration, tolerating absent members. */
final class FunctionViews {
  private FunctionViews() {}

  static FunctionView view(FunctionConfiguration c, String imageUri, Map<String, String> tags) {
    var cp = c.capacityProviderConfig();
    var lmi = cp == null ? null : cp.lambdaManagedInstancesCapacityProviderConfig();
    return new FunctionView(
        c.functionArn(),
        c.stateAsString(),
        c.stateReasonCodeAsString(),
        c.stateReason(),
        c.lastUpdateStatusAsString(),
        c.lastUpdateStatusReasonCodeAsString(),
        c.lastUpdateStatusReason(),
        lmi != null,
        settings(c, lmi),
        c.codeSha256(),
        imageUri,
        tags == null ? Map.of() : tags);
  }

  private static FunctionSettings settings(
      FunctionConfiguration c,
      software.amazon.awssdk.services.lambda.model.LambdaManagedInstancesCapacityProviderConfig
          lmi) {
    var log = c.loggingConfig();
    return new FunctionSettings(
        c.runtimeAsString(),
        c.handler(),
        c.role(),
        c.memorySize(),
        c.timeout(),
        c.architecturesAsStrings().isEmpty() ? null : c.architecturesAsStrings().get(0),
        c.environment() == null ? Map.of() : c.environment().variables(),
        c.layers() == null ? List.of() : c.layers().stream().map(Layer::arn).toList(),
        log == null ? null : log.logFormatAsString(),
        log == null ? null : log.applicationLogLevelAsString(),
        log == null ? null : log.systemLogLevelAsString(),
        log == null ? null : log.logGroup(),
        c.tracingConfig() == null ? null : c.tracingConfig().modeAsString(),
        c.ephemeralStorage() == null ? null : c.ephemeralStorage().size(),
        lmi == null ? null : lmi.capacityProviderArn(),
        lmi == null ? null : lmi.perExecutionEnvironmentMaxConcurrency(),
        lmi == null ? null : lmi.executionEnvironmentMemoryGiBPerVCpu());
  }
}
