package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Level filter for the function's own JSON log lines. */
public enum ApplicationLogLevel {
  @JsonProperty("TRACE")
  TRACE("TRACE"),
  @JsonProperty("DEBUG")
  DEBUG("DEBUG"),
  @JsonProperty("INFO")
  INFO("INFO"),
  @JsonProperty("WARN")
  WARN("WARN"),
  @JsonProperty("ERROR")
  ERROR("ERROR"),
  @JsonProperty("FATAL")
  FATAL("FATAL");

  private final String wire;

  ApplicationLogLevel(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
