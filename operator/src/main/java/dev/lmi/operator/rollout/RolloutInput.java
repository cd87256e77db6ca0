package dev.lmi.operator.rollout;

import java.time.Instant;

/**
 * Everything a rollout decision looks at, all observed before deciding: the plan (from the spec),
 * the state (from status, null for none), the candidate, the alias as AWS reports it (null when it
 * does not exist yet), CloudWatch readings (null until a {@link RolloutDecision.Kind#READ} decision
 * asked for them), the annotation's command, the time, and {@code splitRefusal}: null when the
 * stable and the candidate version may share a weighted alias, else why AWS would refuse it (a
 * different execution role or dead-letter config).
 */
public record RolloutInput(
    RolloutPlan plan,
    RolloutState current,
    Candidate candidate,
    Route alias,
    Readings readings,
    Command command,
    Instant now,
    String splitRefusal) {

  /** Two versions that AWS lets share a weighted alias. */
  public RolloutInput(
      RolloutPlan plan,
      RolloutState current,
      Candidate candidate,
      Route alias,
      Readings readings,
      Command command,
      Instant now) {
    this(plan, current, candidate, alias, readings, command, now, null);
  }

  public RolloutInput withReadings(Readings r) {
    return new RolloutInput(plan, current, candidate, alias, r, command, now, splitRefusal);
  }

  public RolloutInput withSplitRefusal(String why) {
    return new RolloutInput(plan, current, candidate, alias, readings, command, now, why);
  }

  RolloutInput withCurrent(RolloutState s) {
    return new RolloutInput(plan, s, candidate, alias, readings, command, now, splitRefusal);
  }

  RolloutInput withoutCommand() {
    return new RolloutInput(
        plan, current, candidate, alias, readings, Command.NONE, now, splitRefusal);
  }
}
