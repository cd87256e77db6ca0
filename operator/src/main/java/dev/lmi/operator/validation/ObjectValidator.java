package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.AwsRules;
import dev.lmi.operator.api.ScheduleRules;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admission as the API server would do it for one lmi.dev object, offline: schema defaults, the
 * OpenAPI schema, unknown fields and every CEL rule of the generated CRD, then what a CRD can only
 * approximate: the AWS limits ({@link AwsLimits}) and the schedules' cron and time zones ({@link
 * ScheduleChecks}). Thread-safe.
 */
public final class ObjectValidator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CrdCatalog catalog;
  // Compiled once per kind; keyed by name because hashing a whole schema tree is not cheap.
  private final Map<String, SchemaChecks> schemaChecks = new ConcurrentHashMap<>();

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
    var structural = new LinkedHashSet<Violation>(MetadataChecks.check(kind.namespaced(), object));
    structural.addAll(schemaChecksOf(kind).check(object));
    structural.addAll(UnknownFields.find(kind.schema(), object));
    var cel = CelChecks.check(kind.schema(), object, old);
    var all = new ArrayList<Violation>(structural);
    all.addAll(cel.violations());
    var schedules = ScheduleChecks.check(kind.kind(), object);
    if (!schedules.isEmpty()) {
      // The exact reason says more than the CRD's shape rule for cron: one message, not two.
      var precise =
          schedules.stream().map(Violation::path).collect(java.util.stream.Collectors.toSet());
      all.removeIf(
          v -> precise.contains(v.path()) && ScheduleRules.CRON_MESSAGE.equals(v.message()));
      all.addAll(schedules);
    }
    var limits = AwsLimits.check(kind.kind(), object);
    if (!limits.isEmpty()) {
      // The exact size says more than the CRD rule's lower bound of it: one message, not two.
      all.removeIf(v -> AwsRules.ENV_SIZE_MESSAGE.equals(v.message()));
      all.addAll(limits);
    }
    // A rule that cannot run on a malformed object (a missing required field, a wrong type) only
    // repeats what the schema said; on a well-formed object it is a real problem.
    if (structural.isEmpty()) {
      all.addAll(cel.errors());
    }
    return List.copyOf(new LinkedHashSet<>(all));
  }

  /**
   * Admission as the API server does it when it stores an object of a served kind: prunes what the
   * schema does not declare, fills in defaults, then checks the name, the schema and, unless the
   * schema found the object malformed, the CEL rules ({@code oldObject}: the stored object on an
   * update, for transition rules; null on a create). Empty when the kind is not one of ours.
   */
  public Optional<Admitted> admit(JsonNode newObject, JsonNode oldObject) {
    var found =
        catalog.find(newObject.path("apiVersion").asText(), newObject.path("kind").asText());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    var kind = found.get();
    var object = newObject.deepCopy();
    var pruned = new ArrayList<>(MetadataChecks.pruneUnknown(object));
    pruned.addAll(UnknownFields.prune(kind.schema(), object));
    SchemaDefaults.apply(kind.schema(), object);
    var errors = new ArrayList<>(MetadataChecks.admissionErrors(object));
    errors.addAll(schemaChecksOf(kind).admissionErrors(object));
    if (errors.stream().anyMatch(AdmissionError::blocksRules)) {
      errors.add(AdmissionError.rulesNotChecked());
    } else {
      var old = oldObject == null ? null : withDefaults(oldObject);
      errors.addAll(CelChecks.check(kind.schema(), object, old).admissionErrors());
    }
    return Optional.of(new Admitted(object, List.copyOf(pruned), List.copyOf(errors)));
  }

  /**
   * What admission made of an object: the object to store (pruned, defaulted), the paths it pruned
   * ({@code spec.foo}) and why it is refused (empty: admitted).
   */
  public record Admitted(JsonNode object, List<String> pruned, List<AdmissionError> errors) {}

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

  private SchemaChecks schemaChecksOf(CrdCatalog.KindSchema kind) {
    return schemaChecks.computeIfAbsent(
        kind.apiVersion() + " " + kind.kind(), k -> new SchemaChecks(kind.schema()));
  }

  private CrdCatalog.KindSchema kindOf(JsonNode object) {
    var apiVersion = object.path("apiVersion").asText();
    var kind = object.path("kind").asText();
    return catalog
        .find(apiVersion, kind)
        .orElseThrow(() -> new IllegalArgumentException("unknown kind " + apiVersion + " " + kind));
  }
}
