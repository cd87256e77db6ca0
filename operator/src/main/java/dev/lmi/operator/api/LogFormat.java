package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Log format of a function; Lambda Managed Instances accept JSON only. */
public enum LogFormat {
  @JsonProperty("JSON")
  JSON("JSON");

  private final String wire;

  LogFormat(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
