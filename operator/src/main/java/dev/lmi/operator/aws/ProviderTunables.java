package dev.lmi.operator.aws;

import java.util.Map;
import java.util.Objects;

/** The capacity-provider settings AWS updates in place: scaling, tag propagation, telemetry. */
public record ProviderTunables(
    Integer maxVCpuCount,
    String scalingMode,
    Double targetCpuUtilization,
    String propagateTagsMode,
    Map<String, String> explicitTags,
    String systemLogLevel,
    String logGroup) {

  /** True when AWS already has every setting this desired state specifies (nulls: AWS decides). */
  public boolean satisfiedBy(ProviderTunables actual) {
    return matches(maxVCpuCount, actual.maxVCpuCount)
        && matches(scalingMode, actual.scalingMode)
        && matches(targetCpuUtilization, actual.targetCpuUtilization)
        && matches(propagateTagsMode, actual.propagateTagsMode)
        && matches(
            explicitTags == null || explicitTags.isEmpty() ? null : explicitTags,
            actual.explicitTags)
        && matches(systemLogLevel, actual.systemLogLevel)
        && matches(logGroup, actual.logGroup);
  }

  private static boolean matches(Object desired, Object actual) {
    return desired == null || Objects.equals(desired, actual);
  }
}
