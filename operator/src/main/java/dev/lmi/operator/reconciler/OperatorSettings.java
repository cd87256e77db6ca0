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

  public static OperatorSettings defaults() {
    return new OperatorSettings(
        Duration.ofMinutes(10), Duration.ofSeconds(5), "default", "default");
  }

  public OperatorSettings withResync(Duration d) {
    return new OperatorSettings(d, poll, clusterName, eventNamespace);
  }

  public OperatorSettings withPoll(Duration d) {
    return new OperatorSettings(resync, d, clusterName, eventNamespace);
  }
}
