package dev.lmi.operator.capacity;

/**
 * Whether starting more execution environments fits the capacity provider's ceiling.
 *
 * @param exceeded true when it does not fit: the step waits (reason CapacityExceeded)
 * @param neededVCpus vCPUs the step starts
 * @param heldVCpus vCPUs the provider's versions hold at their minimum now
 * @param ceiling the provider's maxVCpuCount
 * @param message with the figures and the remedies; empty when it fits
 */
public record PublishGate(
    boolean exceeded, long neededVCpus, long heldVCpus, int ceiling, String message) {}
