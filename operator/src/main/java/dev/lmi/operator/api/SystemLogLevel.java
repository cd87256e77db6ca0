package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Level of the platform's own log lines. */
public enum SystemLogLevel {
  @JsonProperty("DEBUG")
  DEBUG("DEBUG"),
  @JsonProperty("INFO")
  INFO("INFO"),
  @JsonProperty("WARN")
  WARN("WARN");

  private final String wire;

  SystemLogLevel(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
