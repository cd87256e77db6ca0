package dev.lmi.operator.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API server's own checks of {@code metadata}, which no CRD declares: a name that is a DNS
 * subdomain, a namespace that is a DNS label, and no unknown fields.
 */
final class MetadataChecks {
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

  // ObjectMeta as the API server knows it; anything else is a typo that strict validation rejects.
  private static final Set<String> OBJECT_META_FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "labels",
          "annotations",
          "finalizers",
          "ownerReferences",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink");

  private static final String NOT_A_SUBDOMAIN =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is"
          + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

  private MetadataChecks() {}

  static List<Violation> check(boolean namespaced, JsonNode object) {
    var found = new ArrayList<Violation>();
    var metadata = object.path("metadata");
    checkName(metadata, found);
    metadata
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!OBJECT_META_FIELDS.contains(field)) {
                var path = FieldPaths.child("metadata", field);
                found.add(new Violation(path, "unknown field \"" + field + "\""));
              }
            });
    var namespace = metadata.path("namespace").asText("");
    if (namespaced && !namespace.isEmpty() && !isNamespaceName(namespace)) {
      found.add(new Violation("metadata.namespace", "must be a lowercase DNS label (at most 63)"));
    }
    return found;
  }

  /** The API server's checks of the name, in its words (ValidateObjectMeta for a CR). */
  static List<AdmissionError> admissionErrors(JsonNode object) {
    var metadata = object.path("metadata");
    var name = metadata.path("name").asText("");
    var errors = new ArrayList<AdmissionError>();
    if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
      errors.add(AdmissionError.required("metadata.name", "name or generateName is required"));
    }
    if (name.length() > 253) {
      errors.add(
          AdmissionError.invalid(
              "metadata.name", TextNode.valueOf(name), "must be no more than 253 characters"));
    }
    if (!name.isEmpty() && !DNS_SUBDOMAIN.matcher(name).matches()) {
      errors.add(AdmissionError.invalid("metadata.name", TextNode.valueOf(name), NOT_A_SUBDOMAIN));
    }
    return errors;
  }

  /** Drops metadata fields ObjectMeta does not have, as decoding does; returns their paths. */
  static List<String> pruneUnknown(JsonNode object) {
    var pruned = new ArrayList<String>();
    if (object.path("metadata") instanceof ObjectNode metadata) {
      metadata
          .properties()
          .removeIf(
              e ->
                  !OBJECT_META_FIELDS.contains(e.getKey()) && pruned.add("metadata." + e.getKey()));
    }
    return pruned;
  }

  private static void checkName(JsonNode metadata, List<Violation> found) {
    var name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.path("generateName").asText("").isEmpty()) {
      found.add(new Violation("metadata.name", "required field is missing"));
    } else if (!name.isEmpty() && (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches())) {
      found.add(
          new Violation(
              "metadata.name",
              "must be a lowercase DNS subdomain (a-z, 0-9, '-', '.'; at most 253 characters)"));
    }
  }

  private static boolean isNamespaceName(String namespace) {
    return namespace.length() <= 63 && DNS_LABEL.matcher(namespace).matches();
  }
}
