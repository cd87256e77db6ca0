package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Test helper: the Lambda service model that botocore ships, found through python3, and the input
 * constraints of one request member in it ({@code CreateFunction:Code.S3Bucket}, {@code
 * CreateFunction:Layers[]}, {@code TagResource:Tags{key}}).
 */
final class BotocoreModel {
  /** The constraints of one shape: type, min, max, pattern and enum (each possibly absent). */
  record Shape(JsonNode node) {
    String type() {
      return node.path("type").asText();
    }

    Optional<Double> min() {
      return node.has("min") ? Optional.of(node.get("min").asDouble()) : Optional.empty();
    }

    Optional<Double> max() {
      return node.has("max") ? Optional.of(node.get("max").asDouble()) : Optional.empty();
    }

    Optional<Pattern> pattern() {
      return node.has("pattern")
          ? Optional.of(Pattern.compile(node.get("pattern").asText()))
          : Optional.empty();
    }

    JsonNode enumValues() {
      return node.path("enum");
    }

    /** Whether AWS's shape validation would take this string. */
    boolean accepts(String value) {
      var length = value.codePointCount(0, value.length());
      return min().map(m -> length >= m).orElse(true)
          && max().map(m -> length <= m).orElse(true)
          && pattern().map(p -> p.matcher(value).matches()).orElse(true)
          && (enumValues().isEmpty() || enumValues().toString().contains("\"" + value + "\""));
    }
  }

  private final JsonNode model;

  private BotocoreModel(JsonNode model) {
    this.model = model;
  }

  /** The Lambda model of the botocore that python3 imports, if any. */
  static Optional<BotocoreModel> lambda() {
    return service("lambda/2015-03-31");
  }

  /** The CloudWatch model (a rollout's alarm names), if any. */
  static Optional<BotocoreModel> cloudwatch() {
    return service("cloudwatch/2010-08-01");
  }

  private static Optional<BotocoreModel> service(String modelDir) {
    try {
      var process =
          new ProcessBuilder(
                  "python3", "-c", "import botocore,os;print(os.path.dirname(botocore.__file__))")
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      var dir = Path.of(new String(process.getInputStream().readAllBytes()).strip());
      var data = dir.resolve("data/" + modelDir);
      for (var name : new String[] {"service-2.json", "service-2.json.gz"}) {
        var file = data.resolve(name);
        if (Files.isRegularFile(file)) {
          try (InputStream in =
              name.endsWith(".gz")
                  ? new GZIPInputStream(Files.newInputStream(file))
                  : Files.newInputStream(file)) {
            return Optional.of(new BotocoreModel(new ObjectMapper().readTree(in)));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The shape of {@code Operation:Member.Member[]{key}}, or empty when this model lacks it. */
  Optional<Shape> shape(String reference) {
    var colon = reference.indexOf(':');
    var input = model.at("/operations/" + reference.substring(0, colon) + "/input/shape").asText();
    var shape = model.path("shapes").path(input);
    for (var step : reference.substring(colon + 1).split("(?=[.\\[{])")) {
      shape = step(shape, step.startsWith(".") ? step.substring(1) : step);
      if (shape.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Shape(shape));
  }

  private JsonNode step(JsonNode shape, String step) {
    var target =
        switch (step) {
          case "[]" -> shape.path("member").path("shape");
          case "{key}" -> shape.path("key").path("shape");
          case "{value}" -> shape.path("value").path("shape");
          default -> shape.path("members").path(step).path("shape");
        };
    return target.isMissingNode() ? target : model.path("shapes").path(target.asText());
  }
}
