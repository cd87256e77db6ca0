package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Admission as the API server would do it for one lmi.dev object, offline: schema defaults, the
 * OpenAPI schema, unknown fields and every CEL rule of the generated CRD. Thread-safe.
 */
public final class ObjectValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  private final CrdCatalog catalog;
  private final Map<CrdCatalog.KindSchema, SchemaChecks> schemaChecks = new ConcurrentHashMap<>();

  /** A validator for the CRDs on the classpath. */
  public ObjectValidator() {
    this(CrdCatalog.fromClasspath());
  }

  public ObjectValidator(CrdCatalog catalog) {
    this.catalog = catalog;
  }

  public CrdCatalog catalog() {
    return catalog;
  }

  /** Validates a new object (a create): transition rules do not apply. */
  public List<Violation> validate(JsonNode newObject) {
    return validate(newObject, (JsonNode) null);
  }

  /** Validates an update of {@code oldObject} to {@code newObject}, transition rules included. */
  public List<Violation> validate(JsonNode newObject, JsonNode oldObject) {
    var kind = kindOf(newObject);
    var object = withDefaults(newObject);
    var old = oldObject == null ? null : withDefaults(oldObject);
    var structural = new LinkedHashSet<Violation>(metadataChecks(kind, object));
    structural.addAll(
        schemaChecks.computeIfAbsent(kind, k -> new SchemaChecks(k.schema())).check(object));
    structural.addAll(UnknownFields.find(kind.schema(), object));
    var cel = CelChecks.check(kind.schema(), object, old);
    var all = new ArrayList<Violation>(structural);
    all.addAll(cel.violations());
    // A rule that cannot run on a malformed object (a missing required field, a wrong type) only
    // repeats what the schema said; on a well-formed object it is a real problem.
    if (structural.isEmpty()) {
      all.addAll(cel.errors());
    }
    return List.copyOf(new LinkedHashSet<>(all));
  }

  /** Typed variant for the operator: validates custom resources as the API server sees them. */
  public List<Violation> validateResource(HasMetadata newObject, HasMetadata oldObject) {
    return validate(
        JSON.valueToTree(newObject), oldObject == null ? null : JSON.valueToTree(oldObject));
  }

  /** A copy of the object with the schema's defaults filled in. */
  public JsonNode withDefaults(JsonNode object) {
    var copy = object.deepCopy();
    SchemaDefaults.apply(kindOf(object).schema(), copy);
    return copy;
  }

  private CrdCatalog.KindSchema kindOf(JsonNode object) {
    var apiVersion = object.path("apiVersion").asText();
    var kind = object.path("kind").asText();
    return catalog
        .find(apiVersion, kind)
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + apiVersion + " " + kind));
  }

  private static List<Violation> metadataChecks(CrdCatalog.KindSchema kind, JsonNode object) {
    var found = new ArrayList<Violation>();
    var metadata = object.path("metadata");
    var name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
      found.add(new Violation("metadata.name", "required field is missing"));
    } else if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
      found.add(
          new Violation(
              "metadata.name",
              "must be a lowercase DNS subdomain (a-z, 0-9, '-', '.'; at most 253 characters)"));
    }
    var namespace = metadata.path("namespace").asText("");
    if (kind.namespaced() && !namespace.isEmpty() && !isNamespaceName(namespace)) {
      found.add(new Violation("metadata.namespace", "must be a lowercase DNS label (at most 63)"));
    }
    return found;
  }

  private static boolean isNamespaceName(String namespace) {
    return namespace.length() <= 63 && DNS_LABEL.matcher(namespace).matches();
  }
}
