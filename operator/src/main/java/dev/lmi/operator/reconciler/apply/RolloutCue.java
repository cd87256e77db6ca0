package dev.lmi.operator.reconciler.apply;

import dev.lmi.operator.rollout.Command;
import java.time.Instant;

/**
 * What a rollout needs from outside the plan in one reconcile: the operator's clock reading, the
 * object's lmi.dev/rollout command, and where to remove that annotation once acted on.
 */
public record RolloutCue(
    Instant now, Command command, String annotation, Annotations annotations) {}
