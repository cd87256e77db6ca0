package dev.lmi.operator.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped health scripts and their test data. */
final class Scripts {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Scripts() {}

  static Path argocdDir() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("helm/lmi-operator/argocd"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("helm/lmi-operator/argocd not found");
    }
    return dir.resolve("helm/lmi-operator/argocd");
  }

  /** The script for a kind: CapacityProvider or LmiFunction. */
  static String script(String kind) {
    return read(argocdDir().resolve("health-" + kind.toLowerCase() + ".lua"));
  }

  /** A test resource under argocd/lmi.dev/&lt;kind&gt;/. */
  static JsonNode yaml(String kind, String relative) {
    try (var in = Scripts.class.getResourceAsStream("/argocd/lmi.dev/" + kind + "/" + relative)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + kind + "/" + relative);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
