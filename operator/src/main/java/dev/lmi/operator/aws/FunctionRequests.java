package dev.lmi.operator.aws;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EphemeralStorage;
import software.amazon.awssdk.services.lambda.model.LambdaManagedInstancesCapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.LoggingConfig;
import software.amazon.awssdk.services.lambda.model.TracingConfig;

/** Builds the SDK request shapes of a function's settings. */
final class FunctionRequests {
  private FunctionRequests() {}

  static Environment environment(FunctionSettings s) {
    return Environment.builder()
        .variables(s.environment() == null ? Map.of() : s.environment())
        .build();
  }

  static LoggingConfig logging(FunctionSettings s) {
    return LoggingConfig.builder()
        .logFormat(s.logFormat())
        .applicationLogLevel(s.applicationLogLevel())
        .systemLogLevel(s.systemLogLevel())
        .logGroup(s.logGroup())
        .build();
  }

  static TracingConfig tracing(FunctionSettings s) {
    return s.tracing() == null ? null : TracingConfig.builder().mode(s.tracing()).build();
  }

  static EphemeralStorage ephemeral(FunctionSettings s) {
    return s.ephemeralStorageMiB() == null
        ? null
        : EphemeralStorage.builder().size(s.ephemeralStorageMiB()).build();
  }

  static CapacityProviderConfig capacityProvider(FunctionSettings s) {
    return CapacityProviderConfig.builder()
        .lambdaManagedInstancesCapacityProviderConfig(
            LambdaManagedInstancesCapacityProviderConfig.builder()
                .capacityProviderArn(s.capacityProviderArn())
                .perExecutionEnvironmentMaxConcurrency(s.maxConcurrency())
                .executionEnvironmentMemoryGiBPerVCpu(s.memoryGiBPerVCpu())
                .build())
        .build();
  }
}
