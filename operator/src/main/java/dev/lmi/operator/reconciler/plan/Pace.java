package dev.lmi.operator.reconciler.plan;

import java.time.Duration;

/**
 * How soon a plan's outcome asks to look again.
 *
 * @param poll while AWS works (Pending, InProgress, Deleting)
 * @param resync once converged, to put back drift
 */
public record Pace(Duration poll, Duration resync) {}
