package dev.lmi.emulator.lambda;

import java.util.List;

/** Constraint patterns and enums copied from the Lambda service model. */
final class Patterns {
  static final String PROVIDER_NAME_OR_ARN =
      "(arn:aws[a-zA-Z-]*:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}"
          + ":capacity-provider:[a-zA-Z0-9-_]+)|[a-zA-Z0-9-_]+";
  static final String PROVIDER_ARN =
      "arn:aws[a-zA-Z-]*:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}"
          + ":capacity-provider:[a-zA-Z0-9-_]+";
  static final String ROLE_ARN = "arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+";
  static final String KMS_ARN = "arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*";
  static final String SUBNET = "subnet-[0-9a-z]*";
  static final String SECURITY_GROUP = "sg-[0-9a-zA-Z]*";
  static final String INSTANCE_TYPE = "[a-zA-Z0-9\\.\\*\\-]+";
  static final String LOG_GROUP = "[\\.\\-_/#A-Za-z0-9]+";
  static final String UNQUALIFIED_FUNCTION_NAME =
      "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?"
          + "(function:)?([a-zA-Z0-9-_]+)";
  static final String QUALIFIER = "\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+";
  static final String PUBLISHED_QUALIFIER = "(\\$LATEST\\.PUBLISHED|[0-9]+)";
  static final List<String> PROVIDER_STATES = List.of("Pending", "Active", "Failed", "Deleting");
  static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
  static final List<String> LMI_RUNTIMES =
      List.of(
          "java21",
          "java25",
          "python3.13",
          "python3.14",
          "nodejs22.x",
          "nodejs24.x",
          "dotnet8",
          "dotnet10",
          "provided.al2023");
  static final List<String> RUNTIMES =
      List.of(
          "nodejs18.x",
          "nodejs20.x",
          "nodejs22.x",
          "nodejs24.x",
          "python3.9",
          "python3.10",
          "python3.11",
          "python3.12",
          "python3.13",
          "python3.14",
          "java8.al2",
          "java11",
          "java17",
          "java21",
          "java25",
          "dotnet8",
          "dotnet10",
          "ruby3.2",
          "ruby3.3",
          "ruby3.4",
          "provided",
          "provided.al2",
          "provided.al2023");

  private Patterns() {}
}
