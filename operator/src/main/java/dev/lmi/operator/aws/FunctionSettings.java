package dev.lmi.operator.aws;

import java.util.List;
import java.util.Map;

/**
 * The configuration of a function's $LATEST, as the operator wants it or as AWS reports it (how the
 * two differ is the plan's to say: SettingsDiff).
 */
public record FunctionSettings(
    String runtime,
    String handler,
    String roleArn,
    Integer memoryMiB,
    Integer timeoutSeconds,
    String architecture,
    Map<String, String> environment,
    List<String> layers,
    String logFormat,
    String applicationLogLevel,
    String systemLogLevel,
    String logGroup,
    String tracing,
    Integer ephemeralStorageMiB,
    String capacityProviderArn,
    Integer maxConcurrency,
    Double memoryGiBPerVCpu) {}
