package dev.lmi.operator.rollout;

import dev.lmi.operator.api.RolloutAnalysis;
import dev.lmi.operator.api.RolloutRules;
import dev.lmi.operator.api.RolloutSpec;
import dev.lmi.operator.api.RolloutStrategy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A rollout's steps and checks, derived from {@code spec.rollout}: Canary takes the listed steps;
 * Linear takes increment, 2 × increment, ... while below 100 %, each held for the interval;
 * AllAtOnce has no steps (the alias moves at once, as without a rollout). After the last step the
 * canary takes all traffic. {@link #hash} identifies the plan, so a change to it can be noticed.
 */
public record RolloutPlan(
    RolloutStrategy strategy, List<Step> steps, Analysis analysis, String hash) {

  public RolloutPlan {
    steps = List.copyOf(steps);
  }

  /** The plan of a spec; null or AllAtOnce gives the plan without steps. */
  public static RolloutPlan of(RolloutSpec spec) {
    var strategy =
        spec == null || spec.getStrategy() == null ? RolloutStrategy.AllAtOnce : spec.getStrategy();
    var steps =
        switch (strategy) {
          case AllAtOnce -> List.<Step>of();
          case Canary -> canary(spec);
          case Linear -> linear(spec);
        };
    var analysis = strategy == RolloutStrategy.AllAtOnce ? null : analysis(spec.getAnalysis());
    return new RolloutPlan(strategy, steps, analysis, hash(describe(strategy, steps, analysis)));
  }

  /** True when the new version takes traffic in steps; false for AllAtOnce. */
  public boolean gradual() {
    return !steps.isEmpty();
  }

  /** The plan as `plan` shows it, e.g. "Canary: 10% for 5m, 50% for 5m, then 100%; ...". */
  public String describe() {
    return describe(strategy, steps, analysis);
  }

  private static List<Step> canary(RolloutSpec spec) {
    if (spec.getSteps() == null || spec.getSteps().isEmpty()) {
      throw new IllegalArgumentException("spec.rollout.steps: strategy Canary needs steps");
    }
    var out = new ArrayList<Step>();
    for (var s : spec.getSteps()) {
      if (s == null || s.getWeight() == null) {
        throw new IllegalArgumentException("spec.rollout.steps: every step needs a weight");
      }
      out.add(new Step(s.getWeight(), Durations.parse(s.getPause())));
    }
    return out;
  }

  private static List<Step> linear(RolloutSpec spec) {
    var linear = spec.getLinear();
    if (linear == null || linear.getIncrement() == null || linear.getIncrement() < 1) {
      throw new IllegalArgumentException("spec.rollout.linear: strategy Linear needs an increment");
    }
    var interval = Durations.parse(linear.getInterval());
    var out = new ArrayList<Step>();
    for (var w = linear.getIncrement(); w < 100; w += linear.getIncrement()) {
      out.add(new Step(w, interval));
    }
    return out;
  }

  private static Analysis analysis(RolloutAnalysis a) {
    if (a == null) {
      return null;
    }
    var rate = a.getMaxErrorRate() == null ? null : rate(a.getMaxErrorRate());
    var min =
        a.getMinInvocations() != null
            ? a.getMinInvocations()
            : Long.parseLong(RolloutRules.DEFAULT_MIN_INVOCATIONS);
    return new Analysis(a.getAlarms(), rate, min);
  }

  private static BigDecimal rate(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "spec.rollout.analysis.maxErrorRate: \"" + text + "\" is not a decimal", e);
    }
  }

  private static String describe(RolloutStrategy strategy, List<Step> steps, Analysis analysis) {
    var out = new StringBuilder(strategy.name());
    if (!steps.isEmpty()) {
      out.append(": ");
      steps.forEach(
          s ->
              out.append(s.weight())
                  .append("% for ")
                  .append(Durations.format(s.pause()))
                  .append(", "));
      out.append("then 100%");
    }
    if (analysis != null) {
      out.append("; analysis: alarms ").append(analysis.alarms());
      out.append(", maxErrorRate ")
          .append(
              analysis.maxErrorRate() == null ? "none" : analysis.maxErrorRate().toPlainString());
      out.append(", minInvocations ").append(analysis.minInvocations());
    }
    return out.toString();
  }

  private static String hash(String text) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
