package dev.lmi.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.BiConsumer;

/** Alias validation and weighted-routing rules shared by CreateAlias and UpdateAlias. */
final class AliasRules {
  private AliasRules() {}

  /**
   * The one alias rule the botocore model does not state: at most one additional version. The
   * model's own constraints were already checked by {@link RequestShapes}.
   */
  static void validate(ObjectNode b) {
    var v = new Validator();
    var weights = b.path("RoutingConfig").path("AdditionalVersionWeights");
    if (weights.isObject()) {
      v.size(weights, "routingConfig.additionalVersionWeights", 0, 1);
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
