package dev.lmi.operator.aws;

import java.util.Map;

/**
 * Percent weights as the operator writes them and AWS's 0.0-1.0 fractions as the alias holds them.
 */
public final class Weights {
  private Weights() {}

  /** 10 → 0.1. Refuses what AWS's rules make pointless: 0 and 100 are a plain alias. */
  public static double fraction(int percent) {
    if (percent < 1 || percent > 99) {
      throw new IllegalArgumentException(
          "a weighted alias gives the second version 1-99 %, not " + percent);
    }
    return percent / 100.0;
  }

  /** 0.1 → 10; a fraction written by someone else is rounded to the nearest percent. */
  public static int percent(double fraction) {
    return (int) Math.round(fraction * 100);
  }

  /** The one additional version of an alias's routing, or null when it routes to one version. */
  public static String additionalVersion(Map<String, Double> weights) {
    return weights == null || weights.isEmpty() ? null : weights.keySet().iterator().next();
  }
}
