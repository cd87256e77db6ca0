package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happens in AWS when the Kubernetes object is deleted. */
public enum DeletionPolicy {
  @JsonProperty("Delete")
  DELETE("Delete"),
  @JsonProperty("Retain")
  RETAIN("Retain");

  private final String wire;

  DeletionPolicy(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
