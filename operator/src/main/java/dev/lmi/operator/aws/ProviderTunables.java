package dev.lmi.operator.aws;

import java.util.Map;

/** The capacity-provider settings AWS updates in place: scaling, tag propagation, telemetry. */
public record ProviderTunables(
    Integer maxVCpuCount,
    String scalingMode,
    Double targetCpuUtilization,
    String propagateTagsMode,
    Map<String, String> explicitTags,
    String systemLogLevel,
    String logGroup) {}
