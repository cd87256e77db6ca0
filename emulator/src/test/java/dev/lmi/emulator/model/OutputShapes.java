package dev.lmi.emulator.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Walks a JSON answer through an operation's output shape and names every member that differs. */
public final class OutputShapes {
  private final AwsModel model = AwsModel.get();
  private final String service;
  private final Set<String> newerThanModel;

  /**
   * @param newerThanModel members (as Shape.Member) the emulator sends from a newer model than the
   *     generated one; they are accepted without a shape to check
   */
  public OutputShapes(String service, Set<String> newerThanModel) {
    this.service = service;
    this.newerThanModel = newerThanModel;
  }

  /** Every difference between the answer and the output shape of the operation. */
  public List<String> differences(String operation, JsonNode answer) {
    var problems = new ArrayList<String>();
    var output = model.operation(service, operation).path("output").asText(null);
    if (output == null) {
      if (answer != null && !answer.isEmpty()) {
        problems.add(operation + ": the model has no output, the answer has " + answer);
      }
      return problems;
    }
    walk(answer, output, operation, problems);
    return problems;
  }

  private void walk(JsonNode value, String shapeName, String path, List<String> problems) {
    var shape = model.shape(service, shapeName);
    var type = shape.path("type").asText();
    if (!fits(value, type)) {
      problems.add(path + ": " + value.getNodeType() + " where the model has " + type);
      return;
    }
    switch (type) {
      case "structure" -> {
        var members = shape.path("members");
        value
            .fieldNames()
            .forEachRemaining(
                name -> {
                  if (members.has(name)) {
                    walk(
                        value.get(name),
                        members.get(name).path("shape").asText(),
                        path + "." + name,
                        problems);
                  } else if (!newerThanModel.contains(shapeName + "." + name)) {
                    problems.add(path + "." + name + ": not a member of " + shapeName);
                  }
                });
      }
      case "list" -> {
        for (var i = 0; i < value.size(); i++) {
          walk(
              value.get(i),
              shape.path("member").path("shape").asText(),
              path + "[" + i + "]",
              problems);
        }
      }
      case "map" ->
          value
              .fields()
              .forEachRemaining(
                  e ->
                      walk(
                          e.getValue(),
                          shape.path("value").path("shape").asText(),
                          path + "{" + e.getKey() + "}",
                          problems));
      case "string" -> {
        var allowed = shape.path("enum");
        if (allowed.isArray() && !contains(allowed, value.asText())) {
          problems.add(path + ": '" + value.asText() + "' is not one of " + allowed);
        }
      }
      default -> {}
    }
  }

  private static boolean fits(JsonNode value, String type) {
    return switch (type) {
      case "structure", "map" -> value.isObject();
      case "list" -> value.isArray();
      case "string", "blob" -> value.isTextual();
      case "integer", "long" -> value.isIntegralNumber();
      case "double", "float" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      case "timestamp" -> value.isTextual() || value.isNumber();
      default -> true;
    };
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
