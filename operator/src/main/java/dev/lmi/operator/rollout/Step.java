package dev.lmi.operator.rollout;

import java.time.Duration;

/** One step of a rollout: the canary's weight in percent, held for the pause. */
public record Step(int weight, Duration pause) {}
