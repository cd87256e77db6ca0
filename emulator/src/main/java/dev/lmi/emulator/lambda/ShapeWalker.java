package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.model.AwsModel;
import java.util.ArrayList;
import java.util.function.BiFunction;

/** Walks one JSON value through a model shape, collecting each constraint it fails. */
public final class ShapeWalker {
  private final AwsModel model;
  private final String service;
  private final Validator v;
  private final BiFunction<String, String, ApiException> wrongType;

  ShapeWalker(AwsModel model, Validator validator) {
    this(model, "lambda", validator, RequestShapes::wrongType);
  }

  /**
   * @param wrongType the error for a member whose JSON type is not the model's (path, model type)
   */
  public ShapeWalker(
      AwsModel model,
      String service,
      Validator validator,
      BiFunction<String, String, ApiException> wrongType) {
    this.model = model;
    this.service = service;
    this.v = validator;
    this.wrongType = wrongType;
  }

  public Validator validator() {
    return v;
  }

  public void walk(JsonNode value, String shapeName, String path) {
    if (value == null || value.isNull()) {
      return;
    }
    var shape = model.shape(service, shapeName);
    var type = shape.path("type").asText();
    switch (type) {
      case "structure" -> structure(expect(value, value.isObject(), path, type), shape, path);
      case "list" -> list(expect(value, value.isArray(), path, type), shape, path);
      case "map" -> map(expect(value, value.isObject(), path, type), shape, path);
      case "string" -> string(expect(value, value.isTextual(), path, type).asText(), shape, path);
      case "integer", "long" -> number(expect(value, fits(value, type), path, type), shape, path);
      case "double", "float" -> number(expect(value, value.isNumber(), path, type), shape, path);
      case "boolean" -> expect(value, value.isBoolean(), path, type);
      case "timestamp" -> expect(value, instant(value), path, type);
      default -> {}
    }
  }

  private static boolean integral(JsonNode value) {
    return value.isIntegralNumber()
        || value.isNumber() && value.asDouble() == Math.rint(value.asDouble());
  }

  /** A whole number the wire type can hold (32 bits for integer, 64 for long). */
  private static boolean fits(JsonNode value, String type) {
    if (!integral(value)) {
      return false;
    }
    var big =
        value.isIntegralNumber() ? value.bigIntegerValue() : value.decimalValue().toBigInteger();
    return type.equals("integer") ? big.bitLength() < 32 : big.bitLength() < 64;
  }

  /** Epoch seconds between the years 1 and 9999, as timestamps are. */
  private static boolean instant(JsonNode value) {
    var seconds = value.asDouble(Double.NaN);
    return value.isNumber() && seconds >= -62_135_596_800d && seconds <= 253_402_300_799d;
  }

  private JsonNode expect(JsonNode value, boolean ok, String path, String type) {
    if (!ok) {
      throw wrongType.apply(path, type);
    }
    return value;
  }

  private void structure(JsonNode value, JsonNode shape, String path) {
    var required = shape.path("required");
    for (var member : shape.path("members").properties()) {
      var child = value.get(member.getKey());
      var childPath = path + "." + AwsModel.camel(member.getKey());
      if ((child == null || child.isNull()) && RequestShapes.contains(required, member.getKey())) {
        v.required(null, childPath);
      } else {
        walk(child, member.getValue().path("shape").asText(), childPath);
      }
    }
  }

  private void list(JsonNode value, JsonNode shape, String path) {
    v.size(value, path, shape.path("min").asInt(0), shape.path("max").asInt(Integer.MAX_VALUE));
    var member = shape.path("member").path("shape").asText();
    for (var i = 0; i < value.size(); i++) {
      walk(value.get(i), member, path + "." + (i + 1) + ".member");
    }
  }

  private void map(JsonNode value, JsonNode shape, String path) {
    v.size(value, path, shape.path("min").asInt(0), shape.path("max").asInt(Integer.MAX_VALUE));
    var keys = new ArrayList<String>();
    value.fieldNames().forEachRemaining(keys::add);
    for (var key : keys) {
      walk(TextNode.valueOf(key), shape.path("key").path("shape").asText(), path + ".key");
      walk(value.get(key), shape.path("value").path("shape").asText(), path + ".value");
    }
  }

  private void string(String value, JsonNode shape, String path) {
    var allowed = shape.path("enum");
    if (allowed.isArray()) {
      var values = new ArrayList<String>();
      allowed.forEach(e -> values.add(e.asText()));
      v.oneOf(value, path, values);
    }
    var min = shape.path("min").asInt(0);
    var max = shape.path("max").asInt(Integer.MAX_VALUE);
    var pattern = shape.path("pattern").asText(null);
    if (!allowed.isArray() || min > 0 || shape.has("max") || pattern != null) {
      v.string(value, path, min, max, pattern);
    }
  }

  private void number(JsonNode value, JsonNode shape, String path) {
    var min = shape.has("min") ? shape.get("min").asDouble() : Double.NEGATIVE_INFINITY;
    var max = shape.has("max") ? shape.get("max").asDouble() : Double.POSITIVE_INFINITY;
    var number = value.isIntegralNumber() ? (Number) value.asLong() : (Number) value.asDouble();
    v.range(number, path, min, max);
  }
}
