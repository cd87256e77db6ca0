package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a capacity provider scales its instances. */
public enum ScalingMode {
  @JsonProperty("Auto")
  AUTO("Auto"),
  @JsonProperty("Manual")
  MANUAL("Manual");

  private final String wire;

  ScalingMode(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
