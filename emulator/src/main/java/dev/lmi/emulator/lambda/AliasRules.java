package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;

/** Alias validation and weighted-routing rules shared by CreateAlias and UpdateAlias. */
final class AliasRules {
  private AliasRules() {}

  static void validateCreate(ObjectNode b) {
    var v = new Validator();
    if (v.required(b.get("Name"), "name")) {
      v.string(Json.text(b, "Name"), "name", 1, 128, Patterns.ALIAS);
    }
    v.required(b.get("FunctionVersion"), "functionVersion");
    common(v, b);
  }

  static void validateUpdate(ObjectNode b) {
    common(new Validator(), b);
  }

  private static void common(Validator v, ObjectNode b) {
    var version = Json.text(b, "FunctionVersion");
    v.string(version, "functionVersion", 1, 1024, Patterns.VERSION_WITH_LATEST_PUBLISHED);
    v.string(Json.text(b, "Description"), "description", 0, 256, null);
    var weights = b.path("RoutingConfig").path("AdditionalVersionWeights");
    if (weights.isObject()) {
      v.size(weights, "routingConfig.additionalVersionWeights", 0, 1);
      weights
          .fields()
          .forEachRemaining(
              e -> {
                v.string(
                    e.getKey(), "routingConfig.additionalVersionWeights.key", 1, 1024, "[0-9]+");
                v.range(
                    e.getValue().asDouble(), "routingConfig.additionalVersionWeights.value", 0, 1);
              });
    }
    v.throwIfInvalid();
  }

  static void routing(
      LambdaFunction fn,
      ObjectNode alias,
      JsonNode routing,
      BiConsumer<LambdaFunction, String> checkVersion) {
    var weights = routing == null ? null : routing.get("AdditionalVersionWeights");
    if (weights == null || !weights.isObject() || weights.isEmpty()) {
      alias.remove("RoutingConfig");
      return;
    }
    var extra = weights.fieldNames().next();
    checkVersion.accept(fn, extra);
    if (extra.equals(alias.path("FunctionVersion").asText())) {
      throw LambdaErrors.invalid(
          "Invalid function version "
              + extra
              + ". Function version "
              + extra
              + " is already included in routing configuration.");
    }
    alias.putObject("RoutingConfig").set("AdditionalVersionWeights", weights);
  }
}
