package dev.lmi.operator.aws;

/** The gateways of one AWS region. */
public record Gateways(
    CapacityProviderGateway providers,
    FunctionGateway functions,
    AliasGateway aliases,
    NetworkGateway network,
    MetricsGateway metrics) {

  /** Gateways without CloudWatch, for callers that never analyse a rollout. */
  public Gateways(
      CapacityProviderGateway providers,
      FunctionGateway functions,
      AliasGateway aliases,
      NetworkGateway network) {
    this(providers, functions, aliases, network, new NoMetrics());
  }

  /** Fails loudly: a rollout's analysis must never pass for want of a client. */
  private static final class NoMetrics implements MetricsGateway {
    @Override
    public java.util.List<AlarmView> alarmStates(java.util.List<String> names) {
      throw new IllegalStateException("no CloudWatch client configured");
    }

    @Override
    public InvocationCounts versionInvocations(
        String function,
        String alias,
        String version,
        java.time.Instant from,
        java.time.Instant to) {
      throw new IllegalStateException("no CloudWatch client configured");
    }
  }
}
