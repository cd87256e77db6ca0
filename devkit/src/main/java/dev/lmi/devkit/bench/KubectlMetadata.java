package dev.lmi.devkit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubectl apply} leaves on an object in a real API server, which the mock does not add:
 * the manifest again as the last-applied annotation, and a managed-fields entry naming every field
 * it set. The operator's informers cache both, so the bench can measure what they cost.
 */
final class KubectlMetadata {
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private KubectlMetadata() {}

  /** The object with the annotation and entry kubectl's client-side apply would leave. */
  static <T extends HasMetadata> T add(T object) {
    var manifest = JSON.convertValue(object, JsonNode.class);
    var meta = object.getMetadata();
    var annotations = new LinkedHashMap<String, String>();
    if (meta.getAnnotations() != null) {
      annotations.putAll(meta.getAnnotations());
    }
    annotations.put(LAST_APPLIED, manifest.toString() + "\n");
    meta.setAnnotations(annotations);
    var fields = new FieldsV1();
    fields.setAdditionalProperty(
        "f:metadata",
        Map.of("f:annotations", Map.of(".", Map.of(), "f:" + LAST_APPLIED, Map.of())));
    if (manifest.has("spec")) {
      fields.setAdditionalProperty("f:spec", fieldsOf(manifest.get("spec")));
    }
    meta.setManagedFields(
        List.of(
            new ManagedFieldsEntryBuilder()
                .withApiVersion(object.getApiVersion())
                .withFieldsType("FieldsV1")
                .withFieldsV1(fields)
                .withManager("kubectl-client-side-apply")
                .withOperation("Update")
                .withTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .build()));
    return object;
  }

  /** The FieldsV1 set of a JSON value: "f:" per key of an object, {} for a leaf or a list. */
  static Map<String, Object> fieldsOf(JsonNode node) {
    var set = new LinkedHashMap<String, Object>();
    if (node.isObject()) {
      set.put(".", Map.of());
      node.properties().forEach(e -> set.put("f:" + e.getKey(), fieldsOf(e.getValue())));
    }
    return set;
  }
}
