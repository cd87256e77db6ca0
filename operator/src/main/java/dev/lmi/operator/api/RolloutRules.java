package dev.lmi.operator.api;

/**
 * The CEL rules and defaults of {@code spec.rollout}, written once for the CRD annotations. Only
 * standard CEL is used (no Kubernetes-only library), so the offline validator runs them as the API
 * server does.
 */
public final class RolloutRules {
  /** Hours, minutes and seconds, each at most once and in that order: 30s, 5m, 1h30m. */
  public static final String DURATION_PATTERN = "^([0-9]{1,5}h)?([0-9]{1,5}m)?([0-9]{1,5}s)?$";

  public static final String DURATION_RULE = "self.matches('" + DURATION_PATTERN + "')";

  public static final String DURATION_MESSAGE =
      "a duration of hours, minutes and seconds, such as 30s, 5m, 1h or 1h30m";

  /** Guarded by the format, so that a malformed value gets the format's message only. */
  public static final String DURATION_BOUNDS_RULE =
      "!self.matches('"
          + DURATION_PATTERN
          + "') || (duration(self) >= duration('1s') && duration(self) <= duration('24h'))";

  public static final String DURATION_BOUNDS_MESSAGE = "is not between 1s and 24h";

  /** Most canary steps; a linear rollout's smallest increment (5) gives 19. */
  public static final int MAX_STEPS = 20;

  /**
   * Weights increase strictly. CEL has no index macro; the literal index list (one per possible
   * neighbour pair, {@link #MAX_STEPS} - 1) stands in for one.
   */
  public static final String STEPS_INCREASING_RULE =
      "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18].all(i, i + 1 >="
          + " size(self) || self[i].weight < self[i + 1].weight)";

  public static final String STEPS_INCREASING_MESSAGE =
      "'step weights must increase strictly, each above the one before: ' + self.map(s,"
          + " string(s.weight)).join(', ')";

  public static final String STRATEGY_IS = "has(self.strategy) && self.strategy == ";

  /** Most alarms per rollout: each look reads them all (DescribeAlarms takes 100 names). */
  public static final int MAX_ALARMS = 10;

  public static final String ALARMS_UNIQUE_RULE = "self.all(a, self.exists_one(b, b == a))";

  /** A decimal from 0 to 1 with at most six places; a string, as Kubernetes APIs avoid floats. */
  public static final String ERROR_RATE_RULE =
      "self.matches('^(0([.][0-9]{1,6})?|1([.]0{1,6})?)$')";

  public static final String ERROR_RATE_MESSAGE =
      "maxErrorRate is a decimal from 0 to 1 with at most 6 places, e.g. \"0.01\" (1 %)";

  public static final String DEFAULT_STRATEGY = "AllAtOnce";
  public static final String DEFAULT_MIN_INVOCATIONS = "20";

  private RolloutRules() {}
}
