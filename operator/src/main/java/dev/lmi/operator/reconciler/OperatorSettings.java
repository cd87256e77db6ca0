package dev.lmi.operator.reconciler;

import java.time.Duration;

/**
 * Knobs shared by the reconcilers.
 *
 * @param resync how often a converged resource is re-read to put back drift
 * @param poll how soon to look again while AWS works (Pending, InProgress, Deleting)
 * @param clusterName recorded in ownership tags, so two clusters never fight over one resource
 * @param eventNamespace where Events about cluster-scoped resources go
 */
public record OperatorSettings(
    Duration resync, Duration poll, String clusterName, String eventNamespace) {
  /** The cluster name as the chart's values schema allows it: it is part of every owner tag. */
  static final java.util.regex.Pattern CLUSTER_NAME =
      java.util.regex.Pattern.compile("^[A-Za-z0-9._-]{1,63}$");

  /**
   * The name clusters share unless told otherwise: two of them would own each other's resources.
   */
  public static final String DEFAULT_CLUSTER_NAME = "default";

  public OperatorSettings {
    if (clusterName == null || !CLUSTER_NAME.matcher(clusterName).matches()) {
      throw new IllegalArgumentException(
          "cluster name \""
              + clusterName
              + "\" is not 1-63 letters, digits, '.', '_' or '-': it is recorded in AWS owner tags");
    }
  }

  public static OperatorSettings defaults() {
    return new OperatorSettings(
        Duration.ofMinutes(10), Duration.ofSeconds(5), DEFAULT_CLUSTER_NAME, "default");
  }

  public OperatorSettings withResync(Duration d) {
    return new OperatorSettings(d, poll, clusterName, eventNamespace);
  }

  /** How soon outcomes look again: the poll while AWS works, the resync once converged. */
  public dev.lmi.operator.reconciler.plan.Pace pace() {
    return new dev.lmi.operator.reconciler.plan.Pace(poll, resync);
  }

  public OperatorSettings withPoll(Duration d) {
    return new OperatorSettings(resync, d, clusterName, eventNamespace);
  }
}
