package dev.lmi.operator.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The configuration of a function's $LATEST, as the operator wants it or as AWS reports it. */
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
    Double memoryGiBPerVCpu) {

  /**
   * The settings whose desired value differs from AWS's. A null desired value means "AWS's
   * default", except for environment and layers, where null means none.
   */
  public List<String> differencesFrom(FunctionSettings actual) {
    var out = new ArrayList<String>();
    diff(out, "runtime", runtime, actual.runtime);
    diff(out, "handler", handler, actual.handler);
    diff(out, "roleArn", roleArn, actual.roleArn);
    diff(out, "memoryMiB", memoryMiB, actual.memoryMiB);
    diff(out, "timeoutSeconds", timeoutSeconds, actual.timeoutSeconds);
    diff(out, "architecture", architecture, actual.architecture);
    exact(out, "environment", orEmpty(environment), orEmpty(actual.environment));
    exact(out, "layers", layers == null ? List.of() : layers, orEmpty(actual.layers));
    diff(out, "logging.format", logFormat, actual.logFormat);
    diff(out, "logging.applicationLogLevel", applicationLogLevel, actual.applicationLogLevel);
    diff(out, "logging.systemLogLevel", systemLogLevel, actual.systemLogLevel);
    diff(out, "logging.logGroup", logGroup, actual.logGroup);
    diff(out, "tracing", tracing, actual.tracing);
    diff(out, "ephemeralStorageMiB", ephemeralStorageMiB, actual.ephemeralStorageMiB);
    diff(out, "capacityProviderRef", capacityProviderArn, actual.capacityProviderArn);
    diff(out, "maxConcurrencyPerEnvironment", maxConcurrency, actual.maxConcurrency);
    diff(out, "memoryGiBPerVCpu", memoryGiBPerVCpu, actual.memoryGiBPerVCpu);
    return out;
  }

  private static void diff(List<String> out, String name, Object desired, Object actual) {
    if (desired != null && !Objects.equals(desired, actual)) {
      out.add(name);
    }
  }

  private static void exact(List<String> out, String name, Object desired, Object actual) {
    if (!Objects.equals(desired, actual)) {
      out.add(name);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }
}
