package dev.lmi.emulator.cloudwatch;

import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.model.AwsModel;
import java.util.HashMap;
import java.util.Map;

/**
 * CloudWatch's errors. Each carries its AWS Query error code (what every protocol reports to the
 * caller, in x-amzn-query-error for CBOR and JSON); the model gives the HTTP status and the Smithy
 * shape named in {@code __type}. ValidationError and Throttling are the service framework's own.
 */
public final class CloudWatchErrors {
  static final String NAMESPACE = "com.amazonaws.cloudwatch#";
  private static final Map<String, String> SHAPES = new HashMap<>();
  private static final Map<String, Integer> STATUSES = new HashMap<>();

  static {
    var model = AwsModel.get();
    // The shapes the emulated operations name first, so a code two shapes share maps to theirs.
    for (var op : model.operations("cloudwatch").properties()) {
      op.getValue().path("errors").forEach(e -> register(model, e.asText()));
    }
    model.shapes("cloudwatch").properties().forEach(e -> register(model, e.getKey()));
  }

  private CloudWatchErrors() {}

  private static void register(AwsModel model, String shape) {
    var error = model.shape("cloudwatch", shape).path("error");
    if (error.has("code")) {
      SHAPES.putIfAbsent(error.get("code").asText(), NAMESPACE + shape);
      STATUSES.putIfAbsent(error.get("code").asText(), error.path("httpStatusCode").asInt(400));
    }
  }

  /** The error with this query code, at the HTTP status the model gives it (else 400). */
  public static ApiException of(String code, String message) {
    return new ApiException(STATUSES.getOrDefault(code, 400), code, message);
  }

  /** The Smithy shape id CBOR and JSON answers name in {@code __type}. */
  static String shapeId(String code) {
    return switch (code) {
      case "ValidationError" -> "com.amazon.coral.validate#ValidationException";
      case "Throttling" -> "com.amazon.coral.availability#ThrottlingException";
      case "UnknownOperationException" -> "com.amazon.coral.service#UnknownOperationException";
      case "SerializationException" -> "com.amazon.coral.service#SerializationException";
      default -> SHAPES.getOrDefault(code, NAMESPACE + code);
    };
  }

  static ApiException validation(String message) {
    return of("ValidationError", message);
  }

  static ApiException invalidValue(String message) {
    return of("InvalidParameterValue", message);
  }

  static ApiException combination(String message) {
    return of("InvalidParameterCombination", message);
  }

  static ApiException notFound(String message) {
    return of("ResourceNotFound", message);
  }

  static ApiException limit(String message) {
    return of("LimitExceeded", message);
  }

  static ApiException nextToken() {
    return of("InvalidNextToken", "The service couldn't process the NextToken value.");
  }

  /** A member whose wire type is not the model's: the request cannot be deserialized. */
  static ApiException wrongType(String path, String type) {
    return of("SerializationException", "The value at '" + path + "' is not of type " + type);
  }

  static ApiException server() {
    return of("InternalServiceError", "Internal service error.");
  }

  static ApiException throttling() {
    return of("Throttling", "Rate exceeded");
  }
}
