package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderIT {

  @Test
  void ranksAnObviouslyRelatedProductAboveUnrelatedOnes() {
    var embedder = Embedders.local();
    var query =
        VectorMath.normalised(
            embedder.embed("noise cancelling headphones for flights", Embedder.Purpose.QUERY));
    var products =
        Map.of(
            "headphones",
                "Nordwind Pro Noise Cancelling Headphones 499. Over-ear wireless headphones with active noise cancellation.",
            "skillet",
                "Ironbark Classic Cast Iron Skillet 210. A pre-seasoned pan for searing and baking.",
            "yoga", "Summit Eco Yoga Mat 330. A non-slip mat for yoga and pilates.",
            "puzzle",
                "Juniper Jigsaw Puzzle 1000. A thousand-piece landscape puzzle for families.");
    var scores = new java.util.HashMap<String, Float>();
    products.forEach(
        (key, text) -> {
          var vector = VectorMath.normalised(embedder.embed(text, Embedder.Purpose.INDEX));
          scores.put(key, VectorMath.dot(vector, 0, query));
        });
    assertThat(embedder.dimension()).isEqualTo(384);
    assertThat(scores.get("headphones"))
        .isGreaterThan(scores.get("skillet"))
        .isGreaterThan(scores.get("yoga"))
        .isGreaterThan(scores.get("puzzle"))
        .isGreaterThan(0.5f);
  }
}
