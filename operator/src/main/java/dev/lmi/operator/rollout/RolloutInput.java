package dev.lmi.operator.rollout;

import java.time.Instant;

/**
 * Everything a rollout decision looks at, all observed before deciding: the plan (from the spec),
 * the state (from status, null for none), the candidate, the alias as AWS reports it (null when it
 * does not exist yet), CloudWatch readings (null until a {@link RolloutDecision.Kind#READ} decision
 * asked for them), the annotation's command, and the time.
 */
public record RolloutInput(
    RolloutPlan plan,
    RolloutState current,
    Candidate candidate,
    Route alias,
    Readings readings,
    Command command,
    Instant now) {

  public RolloutInput withReadings(Readings r) {
    return new RolloutInput(plan, current, candidate, alias, r, command, now);
  }

  RolloutInput withCurrent(RolloutState s) {
    return new RolloutInput(plan, s, candidate, alias, readings, command, now);
  }

  RolloutInput withoutCommand() {
    return new RolloutInput(plan, current, candidate, alias, readings, Command.NONE, now);
  }
}
