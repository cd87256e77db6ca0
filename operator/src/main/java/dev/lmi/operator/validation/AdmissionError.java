package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One reason the API server refuses an object, in its own terms: the cause type ({@code
 * FieldValueInvalid}, {@code FieldValueRequired}, ...), the field path, the offending value (null
 * where the API server shows none) and the detail. The wording follows apimachinery's field errors.
 */
public record AdmissionError(String type, String field, JsonNode value, String detail) {
  public static final String INVALID = "FieldValueInvalid";
  public static final String REQUIRED = "FieldValueRequired";
  public static final String NOT_SUPPORTED = "FieldValueNotSupported";
  public static final String FORBIDDEN = "FieldValueForbidden";
  public static final String TOO_LONG = "FieldValueTooLong";
  public static final String TOO_MANY = "FieldValueTooMany";
  public static final String TYPE_INVALID = "FieldValueTypeInvalid";
  public static final String DUPLICATE = "FieldValueDuplicate";
  private static final Map<String, String> LABELS =
      Map.of(
          INVALID, "Invalid value",
          REQUIRED, "Required value",
          NOT_SUPPORTED, "Unsupported value",
          FORBIDDEN, "Forbidden",
          TOO_LONG, "Too long",
          TOO_MANY, "Too many",
          TYPE_INVALID, "Invalid value",
          DUPLICATE, "Duplicate value");

  static AdmissionError invalid(String field, JsonNode value, String detail) {
    return new AdmissionError(INVALID, field, value, detail);
  }

  static AdmissionError required(String field, String detail) {
    return new AdmissionError(REQUIRED, field, null, detail);
  }

  static AdmissionError forbidden(String field, String detail) {
    return new AdmissionError(FORBIDDEN, field, null, detail);
  }

  static AdmissionError duplicate(String field, JsonNode value) {
    return new AdmissionError(DUPLICATE, field, value, "");
  }

  static AdmissionError typeInvalid(String field, String actualType, String detail) {
    return new AdmissionError(TYPE_INVALID, field, TextNode.valueOf(actualType), detail);
  }

  static AdmissionError notSupported(String field, JsonNode value, List<String> supported) {
    var quoted = supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
    return new AdmissionError(NOT_SUPPORTED, field, value, "supported values: " + quoted);
  }

  static AdmissionError tooLong(String field, long max) {
    return new AdmissionError(TOO_LONG, field, null, "may not be more than " + max + " bytes");
  }

  static AdmissionError tooMany(String field, int actual, long max) {
    return new AdmissionError(
        TOO_MANY, field, IntNode.valueOf(actual), "must have at most " + max + " items");
  }

  /** The cause's message as the API server words it: "Invalid value: 3000: detail". */
  public String body() {
    var label = LABELS.getOrDefault(type, type);
    var shown =
        switch (type) {
          case REQUIRED, FORBIDDEN, TOO_LONG -> label;
          default -> value == null ? label : label + ": " + GoFormat.value(value);
        };
    return detail.isEmpty() ? shown : shown + ": " + detail;
  }

  /** {@code field: body}, one entry of the API server's message. */
  @Override
  public String toString() {
    return field + ": " + body();
  }

  /** Schema errors after which the API server does not run the CEL rules (strategy.go). */
  boolean blocksRules() {
    return switch (type) {
      case NOT_SUPPORTED, REQUIRED, TOO_LONG, TOO_MANY, TYPE_INVALID -> true;
      default -> false;
    };
  }

  /** What the API server adds when blocking errors kept it from running the rules. */
  static AdmissionError rulesNotChecked() {
    return invalid(
        "<nil>",
        TextNode.valueOf("null"),
        "some validation rules were not checked because the object was invalid; correct the"
            + " existing errors to complete validation");
  }
}
