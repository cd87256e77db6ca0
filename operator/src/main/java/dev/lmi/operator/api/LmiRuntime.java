package dev.lmi.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Lambda runtimes that Lambda Managed Instances support. */
public enum LmiRuntime {
  @JsonProperty("java21")
  JAVA21("java21"),
  @JsonProperty("java25")
  JAVA25("java25"),
  @JsonProperty("python3.13")
  PYTHON3_13("python3.13"),
  @JsonProperty("python3.14")
  PYTHON3_14("python3.14"),
  @JsonProperty("nodejs22.x")
  NODEJS22_X("nodejs22.x"),
  @JsonProperty("nodejs24.x")
  NODEJS24_X("nodejs24.x"),
  @JsonProperty("dotnet8")
  DOTNET8("dotnet8"),
  @JsonProperty("dotnet10")
  DOTNET10("dotnet10"),
  @JsonProperty("provided.al2023")
  PROVIDED_AL2023("provided.al2023");

  private final String wire;

  LmiRuntime(String wire) {
    this.wire = wire;
  }

  /** The value as AWS and the manifests spell it. */
  public String wire() {
    return wire;
  }
}
