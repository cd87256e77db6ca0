package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Instruction set of a capacity provider's instances and of the functions on it. */
public enum Architecture {
  @JsonProperty("x86_64")
  X86_64("x86_64"),
  @JsonProperty("arm64")
  ARM64("arm64");

  private final String wire;

  Architecture(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
