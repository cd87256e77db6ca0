package dev.lmi.handler.similarity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lmi.handler.common.Json;
import java.util.List;
import java.util.Map;

/** Per-category hits, best first, and where the time went. */
public record SearchResult(
    String query,
    String model,
    Map<String, List<Hit>> results,
    double embedMillis,
    double searchMillis,
    double tookMillis) {

  /** The 200 body: {@code query}, {@code model}, {@code results} per category, {@code took_ms}. */
  public ObjectNode toJson() {
    var json = Json.object().put("query", query).put("model", model);
    var byCategory = json.putObject("results");
    results.forEach(
        (category, hits) -> {
          var array = byCategory.putArray(category);
          hits.forEach(
              hit ->
                  array
                      .addObject()
                      .put("product_id", hit.productId())
                      .put("name", hit.name())
                      .put("score", hit.score()));
        });
    json.put("took_ms", tookMillis);
    return json;
  }
}
