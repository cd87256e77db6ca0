package dev.lmi.emulator.lambda;

/**
 * The vCPUs each capacity provider has promised to its function versions, as AWS accounts them:
 * every version holding execution environments reserves environments × vCPUs per environment, and
 * the sum on a provider may not pass its MaxVCpuCount. Guarded by the state lock.
 */
final class CapacityLedger {
  static final String REASON_CODE = "CapacityProviderScalingLimitExceeded";
  private static final int DEFAULT_MAX_VCPUS = 400;
  private final LambdaState s;
  private final boolean enforced;

  CapacityLedger(LambdaState state, boolean enforced) {
    this.s = state;
    this.enforced = enforced;
  }

  /** MemorySize / (ExecutionEnvironmentMemoryGiBPerVCpu × 1024), at least 1. */
  static int vcpusPerEnvironment(FunctionVersion v) {
    var inner =
        v.config
            .path("CapacityProviderConfig")
            .path("LambdaManagedInstancesCapacityProviderConfig");
    var ratio = inner.path("ExecutionEnvironmentMemoryGiBPerVCpu").asDouble(2.0);
    var memory = v.config.path("MemorySize").asInt(2048);
    return Math.max(1, (int) Math.round(memory / (ratio * 1024)));
  }

  /** Environments a scaling config keeps: none when it deactivates, else Min (at least one). */
  static int environments(ScalingState scaling) {
    return scaling.deactivates() ? 0 : Math.max(1, scaling.minEnvironments());
  }

  /** vCPUs the version would reserve with this many environments. */
  static int need(FunctionVersion v, int environments) {
    return environments * vcpusPerEnvironment(v);
  }

  int inUse(String providerArn) {
    return s.sumOverVersionsOn(providerArn, v -> v.reservedVcpus);
  }

  int ceiling(String providerArn) {
    var cp = s.providers.get(Names.providerName(providerArn));
    return cp == null
        ? DEFAULT_MAX_VCPUS
        : cp.spec
            .path("CapacityProviderScalingConfig")
            .path("MaxVCpuCount")
            .asInt(DEFAULT_MAX_VCPUS);
  }

  /** Whether the version may hold {@code vcpus} in place of what it reserves now. */
  boolean fits(FunctionVersion v, int vcpus) {
    var arn = v.providerArn();
    return !enforced || arn == null || inUse(arn) - v.reservedVcpus + vcpus <= ceiling(arn);
  }

  /**
   * Whether a version's requested scaling config may take effect now. An Active version must fit
   * the new minimum first (it then reserves it); until it fits, the request stays unsettled and the
   * version keeps serving with what it holds.
   */
  boolean admit(FunctionVersion v) {
    if (!v.state().equals("Active")) {
      return true;
    }
    var vcpus = need(v, environments(v.scaling));
    if (!fits(v, vcpus)) {
      return false;
    }
    v.reservedVcpus = vcpus;
    return true;
  }

  /** The StateReason of a version whose minimum does not fit (AWS's wording, then the figures). */
  String reason(FunctionVersion v, int vcpus) {
    var arn = v.providerArn();
    return "MinimumExecutionEnvironments can't be provisioned because CapacityProvider has reached"
        + " maxVCpuCount limit. Increase maxVCpuCount of "
        + arn
        + " or lower MinExecutionEnvironments: the version needs "
        + vcpus
        + " vCPUs, "
        + (inUse(arn) - v.reservedVcpus)
        + " of "
        + ceiling(arn)
        + " are in use.";
  }
}
