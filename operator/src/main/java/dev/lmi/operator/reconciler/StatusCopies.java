package dev.lmi.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Deep copies and structural comparison of statuses, so a status is written only when changed. */
final class StatusCopies {
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private StatusCopies() {}

  /** A deep copy of the status, or a new empty one. */
  static <T> T of(T status, Class<T> type) {
    try {
      return status == null
          ? type.getDeclaredConstructor().newInstance()
          : JSON.treeToValue(JSON.valueToTree(status), type);
    } catch (ReflectiveOperationException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot copy status " + type.getSimpleName(), e);
    }
  }

  /**
   * A JSON Patch (RFC 6902) that sets the whole status to {@code to}: "add" replaces a member that
   * exists and creates one that does not, so the result does not depend on what the server held,
   * and members {@code to} lacks are gone afterwards. (A JSON merge patch would need explicit nulls
   * for them, and would merge nested objects.)
   */
  static ArrayNode replaceStatusPatch(Object to) {
    var patch = JSON.createArrayNode();
    patch.addObject().put("op", "add").put("path", "/status").set("value", JSON.valueToTree(to));
    return patch;
  }

  /** True when both serialise to the same JSON (absent and null members are the same). */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return JSON.valueToTree(a).equals(JSON.valueToTree(b));
  }
}
