package dev.lmi.operator.aws;

import java.time.Instant;

/**
 * Invocations and errors of one version through one alias over [from, to), summed from CloudWatch's
 * one-minute AWS/Lambda datapoints.
 */
public record InvocationCounts(
    String version, long invocations, long errors, Instant from, Instant to) {}
