package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** AWS X-Ray tracing mode of a function. */
public enum TracingMode {
  @JsonProperty("Active")
  ACTIVE("Active"),
  @JsonProperty("PassThrough")
  PASS_THROUGH("PassThrough");

  private final String wire;

  TracingMode(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
