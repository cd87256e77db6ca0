package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a capacity provider passes tags on to the EC2 resources it creates. */
public enum PropagateTagsMode {
  @JsonProperty("None")
  NONE("None"),
  @JsonProperty("Explicit")
  EXPLICIT("Explicit");

  private final String wire;

  PropagateTagsMode(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
