package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.model.AwsModel;
import java.util.Set;

/**
 * Checks a Lambda request against its operation's input shape in the AWS model: every member in the
 * path, query, headers and body, with AWS's ValidationException wording. Checks the model cannot
 * express (and the LMI rules, which follow a newer model) stay with each operation.
 */
final class RequestShapes {
  private static final AwsModel MODEL = AwsModel.get();

  /**
   * The LMI operations and members are checked by hand against a newer model than botocore's
   * (lmi-api.md): botocore lags on them (patterns without eusc-, no subnet pattern), so they are
   * left to those checks rather than judged twice by different rules.
   */
  private static final Set<String> LMI_OPERATIONS =
      Set.of(
          "CreateCapacityProvider",
          "GetCapacityProvider",
          "UpdateCapacityProvider",
          "DeleteCapacityProvider",
          "ListCapacityProviders",
          "ListFunctionVersionsByCapacityProvider",
          "PutFunctionScalingConfig",
          "GetFunctionScalingConfig");

  private static final Set<String> LMI_MEMBERS = Set.of("CapacityProviderConfig");

  private RequestShapes() {}

  static void check(String operation, Request r) {
    var input = MODEL.operation("lambda", operation).path("input").asText(null);
    if (input == null || LMI_OPERATIONS.contains(operation)) {
      return;
    }
    var shape = MODEL.shape("lambda", input);
    var body = bodyOf(shape, r);
    var walker = new ShapeWalker(MODEL, new Validator());
    var required = shape.path("required");
    for (var member : shape.path("members").properties()) {
      if (LMI_MEMBERS.contains(member.getKey())) {
        continue;
      }
      var given = value(member.getKey(), member.getValue(), r, body);
      var value = given == null || given.isNull() ? null : given;
      var path = AwsModel.camel(member.getKey());
      if (value == null && contains(required, member.getKey())) {
        walker.validator().required(null, path);
      } else if (value != null) {
        walker.walk(value, member.getValue().path("shape").asText(), path);
      }
    }
    walker.validator().throwIfInvalid();
  }

  private static ObjectNode bodyOf(JsonNode shape, Request r) {
    return shape.has("payload") || r.body().length == 0 ? Json.object() : Json.body(r);
  }

  private static JsonNode value(String name, JsonNode member, Request r, ObjectNode body) {
    var where = member.path("locationName").asText(name);
    return switch (member.path("location").asText("")) {
      case "uri" -> text(r.param(where));
      case "header" -> text(r.header(where));
      case "querystring" -> query(r, where, member.path("shape").asText());
      default -> body.get(name);
    };
  }

  private static JsonNode query(Request r, String name, String shape) {
    var type = MODEL.shape("lambda", shape).path("type").asText();
    if (type.equals("list")) {
      var values = r.rawQueryValues(name);
      if (values.isEmpty()) {
        return null;
      }
      var array = Json.MAPPER.createArrayNode();
      values.forEach(array::add);
      return array;
    }
    var raw = r.query().get(name);
    if (raw != null && type.equals("integer")) {
      try {
        return Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(raw));
      } catch (NumberFormatException e) {
        throw LambdaErrors.validation(
            "1 validation error detected: Value '"
                + raw
                + "' at '"
                + AwsModel.camel(name)
                + "' failed to satisfy constraint: Member must be a number");
      }
    }
    return text(raw);
  }

  private static JsonNode text(String value) {
    return value == null ? null : TextNode.valueOf(value);
  }

  static boolean contains(JsonNode array, String value) {
    for (var v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** A member whose JSON type is not the model's: AWS cannot deserialize the request. */
  static ApiException wrongType(String path, String type) {
    return new ApiException(
        400,
        "InvalidRequestContentException",
        "Could not parse request body into json: Could not parse payload into json: the value at '"
            + path
            + "' is not of type "
            + type);
  }
}
