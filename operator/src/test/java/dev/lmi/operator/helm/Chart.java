package dev.lmi.operator.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chart under helm/lmi-operator, rendered with helm-java and parsed into objects. */
final class Chart {
  static final String RELEASE = "lmi";
  static final String NAMESPACE = "lmi-system";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Chart() {}

  /** The repository root, found from the module directory the tests run in. */
  static Path repoRoot() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("helm/lmi-operator"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "helm/lmi-operator not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  static Path dir() {
    return repoRoot().resolve("helm/lmi-operator");
  }

  static Helm helm() {
    return new Helm(dir());
  }

  /** The one value an install must give (operator.region); the values under test come after it. */
  static final String REQUIRED = "operator: {region: eu-west-1}\n";

  /** Renders the chart with the required values and the given YAML (may be empty) over them. */
  static Rendered render(String valuesYaml) {
    return renderOnly(REQUIRED, valuesYaml);
  }

  /** Renders the chart with exactly these values files, in order (later ones win). */
  static Rendered renderOnly(String... valuesYaml) {
    var files = new ArrayList<Path>();
    try {
      try {
        var template = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
        for (var yaml : valuesYaml) {
          var file = Files.createTempFile("values-", ".yaml");
          files.add(file);
          Files.writeString(file, yaml);
          template.withValuesFile(file);
        }
        return new Rendered(parse(template.call()));
      } finally {
        for (var file : files) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> parse(String yaml) throws IOException {
    var out = new ArrayList<JsonNode>();
    try (var parser = YAML.getFactory().createParser(yaml)) {
      var it = YAML.readValues(parser, JsonNode.class);
      while (it.hasNext()) {
        var node = it.next();
        if (node != null && !node.isNull() && !node.isEmpty()) {
          out.add(node);
        }
      }
    }
    return out;
  }

  /** The objects of one render. */
  record Rendered(List<JsonNode> objects) {
    List<JsonNode> ofKind(String kind) {
      return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    JsonNode one(String kind) {
      var all = ofKind(kind);
      if (all.size() != 1) {
        throw new AssertionError("expected one " + kind + ", got " + all.size());
      }
      return all.get(0);
    }

    JsonNode named(String kind, String name) {
      return ofKind(kind).stream()
          .filter(o -> name.equals(o.path("metadata").path("name").asText()))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    Optional<JsonNode> maybe(String kind) {
      return ofKind(kind).stream().findFirst();
    }

    JsonNode container() {
      return one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
    }

    /** The container's env as name → value (valueFrom entries map to their fieldPath). */
    Map<String, String> env() {
      var out = new LinkedHashMap<String, String>();
      for (var e : container().path("env")) {
        var value =
            e.has("value")
                ? e.path("value").asText()
                : e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
        out.put(e.path("name").asText(), value);
      }
      return out;
    }
  }
}
