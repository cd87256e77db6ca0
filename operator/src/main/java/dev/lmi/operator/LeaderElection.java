package dev.lmi.operator;

import java.time.Duration;

/**
 * Leader election through a coordination.k8s.io Lease: only the holder reconciles.
 *
 * @param exitOnLoss exit the process when leadership is lost (production: let Kubernetes restart
 *     the pod into a clean follower)
 */
public record LeaderElection(
    String leaseName,
    String namespace,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    boolean exitOnLoss) {

  public static LeaderElection in(String leaseName, String namespace) {
    return new LeaderElection(
        leaseName,
        namespace,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        true);
  }
}
