package dev.lmi.operator.aws;

/** A version's execution-environment bounds: requested while settling, applied once settled. */
public record ScalingView(
    Integer appliedMin, Integer appliedMax, Integer requestedMin, Integer requestedMax) {

  /** AWS clears Requested once the change has taken effect. */
  public boolean settled() {
    return requestedMin == null && requestedMax == null;
  }
}
