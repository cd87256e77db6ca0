package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lmi.operator.api.CapacityProvider;
import dev.lmi.operator.api.LmiFunction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRDs the build generated from the model, read from the classpath ({@code
 * META-INF/fabric8/*.yml}): the single source of every schema rule the validator checks.
 */
public final class CrdCatalog {

  /** The schema of one served kind. */
  public record KindSchema(String apiVersion, String kind, boolean namespaced, JsonNode schema) {}

  private static final List<Class<? extends HasMetadata>> KINDS =
      List.of(CapacityProvider.class, LmiFunction.class);

  private final Map<String, KindSchema> byApiVersionAndKind;

  private CrdCatalog(Map<String, KindSchema> byApiVersionAndKind) {
    this.byApiVersionAndKind = byApiVersionAndKind;
  }

  /** Loads the generated CRDs of every lmi.dev kind from the classpath. */
  public static CrdCatalog fromClasspath() {
    var kinds = new LinkedHashMap<String, KindSchema>();
    for (var type : KINDS) {
      var resource = "META-INF/fabric8/" + HasMetadata.getFullResourceName(type) + "-v1.yml";
      for (var schema : read(resource)) {
        kinds.put(schema.apiVersion() + " " + schema.kind(), schema);
      }
    }
    return new CrdCatalog(kinds);
  }

  /** The schema for an apiVersion and kind, if the CRDs serve it. */
  public Optional<KindSchema> find(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionAndKind.get(apiVersion + " " + kind));
  }

  /** The kinds served, in a stable order, for messages. */
  public List<String> kinds() {
    return byApiVersionAndKind.values().stream().map(KindSchema::kind).distinct().toList();
  }

  private static List<KindSchema> read(String resource) {
    try (var in = CrdCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath: build the operator");
      }
      var crd = new YAMLMapper().readTree(in).path("spec");
      var group = crd.path("group").asText();
      var kind = crd.path("names").path("kind").asText();
      var namespaced = "Namespaced".equals(crd.path("scope").asText());
      var schemas = new ArrayList<KindSchema>();
      for (var version : crd.path("versions")) {
        var apiVersion = group + "/" + version.path("name").asText();
        var schema = version.path("schema").path("openAPIV3Schema");
        schemas.add(new KindSchema(apiVersion, kind, namespaced, schema));
      }
      return schemas;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
