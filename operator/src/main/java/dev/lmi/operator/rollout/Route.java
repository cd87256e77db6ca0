package dev.lmi.operator.rollout;

import dev.lmi.operator.aws.Weights;
import java.util.Map;

/**
 * Where an alias sends traffic: all to {@code version}, or {@code weight} percent (1-99) to {@code
 * canaryVersion} and the rest to {@code version}. Used for the alias as observed and as a rollout
 * wants it; the two differing is the one reason to write the alias.
 */
public record Route(String version, String canaryVersion, int weight) {

  public static Route single(String version) {
    return new Route(version, null, 0);
  }

  public static Route split(String stable, String canary, int weight) {
    return new Route(stable, canary, weight);
  }

  /** The route of an alias as AWS reports it (AdditionalVersionWeights in 0.0-1.0). */
  public static Route observed(String version, Map<String, Double> additionalVersionWeights) {
    var canary = Weights.additionalVersion(additionalVersionWeights);
    return canary == null
        ? single(version)
        : split(version, canary, Weights.percent(additionalVersionWeights.get(canary)));
  }

  public boolean weighted() {
    return canaryVersion != null;
  }

  /** "3" or "3 (90%) + 4 (10%)". */
  @Override
  public String toString() {
    return weighted()
        ? version + " (" + (100 - weight) + "%) + " + canaryVersion + " (" + weight + "%)"
        : version;
  }
}
