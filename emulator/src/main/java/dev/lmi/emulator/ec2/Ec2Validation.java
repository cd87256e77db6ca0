package dev.lmi.emulator.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.model.AwsModel;

/**
 * Checks an EC2 query request's top-level parameters against the operation's input shape in the AWS
 * model (required members, integer ranges, enums, booleans), with EC2's error codes, and answers a
 * DryRun that would have succeeded the way EC2 does.
 */
final class Ec2Validation {
  private static final AwsModel MODEL = AwsModel.get();

  private Ec2Validation() {}

  static void check(String action, QueryParams q) {
    var input = MODEL.operation("ec2", action).path("input").asText(null);
    if (input == null) {
      return;
    }
    var shape = MODEL.shape("ec2", input);
    var required = shape.path("required");
    for (var member : shape.path("members").properties()) {
      var name = queryName(member.getKey(), member.getValue());
      var type = MODEL.shape("ec2", member.getValue().path("shape").asText());
      var present =
          type.path("type").asText().equals("list") ? !q.list(name).isEmpty() : q.get(name) != null;
      if (!present) {
        if (contains(required, member.getKey())) {
          throw new ApiException(
              400, "MissingParameter", "The request must contain the parameter " + name);
        }
        continue;
      }
      scalar(q.get(name), type, name);
    }
  }

  /** A DryRun request that passed every check: EC2 answers 412 instead of acting. */
  static void dryRun(QueryParams q) {
    if ("true".equalsIgnoreCase(q.get("DryRun"))) {
      throw new ApiException(
          412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
    }
  }

  /** botocore's rule for the ec2 protocol: queryName, else locationName capitalised. */
  static String queryName(String member, JsonNode spec) {
    if (spec.has("queryName")) {
      return spec.get("queryName").asText();
    }
    var location = spec.path("locationName").asText(member);
    return Character.toUpperCase(location.charAt(0)) + location.substring(1);
  }

  private static void scalar(String value, JsonNode type, String name) {
    if (value == null) {
      return;
    }
    var parameter = Character.toLowerCase(name.charAt(0)) + name.substring(1);
    switch (type.path("type").asText()) {
      case "integer", "long" -> range(value, type, parameter);
      case "boolean" -> {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
          throw invalid(value, parameter, "Expecting a boolean.");
        }
      }
      case "string" -> {
        if (type.has("enum") && !contains(type.get("enum"), value)) {
          throw invalid(value, parameter, "Expecting one of " + type.get("enum") + ".");
        }
      }
      default -> {}
    }
  }

  private static void range(String value, JsonNode type, String parameter) {
    long number;
    try {
      number = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw invalid(value, parameter, "Expecting an integer.");
    }
    if (type.path("type").asText().equals("integer") && number != (int) number) {
      throw invalid(value, parameter, "Expecting an integer.");
    }
    if (type.has("min") && number < type.get("min").asLong()) {
      throw invalid(
          value, parameter, "Expecting a value greater than " + type.get("min").asLong() + ".");
    }
    if (type.has("max") && number > type.get("max").asLong()) {
      throw invalid(
          value, parameter, "Expecting a value less than " + type.get("max").asLong() + ".");
    }
  }

  private static ApiException invalid(String value, String parameter, String expecting) {
    return new ApiException(
        400,
        "InvalidParameterValue",
        "Value ( " + value + " ) for parameter " + parameter + " is invalid. " + expecting);
  }

  private static boolean contains(JsonNode array, String value) {
    for (var v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
