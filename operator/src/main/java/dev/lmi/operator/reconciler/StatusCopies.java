package dev.lmi.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** True when both serialise to the same JSON (absent and null members are the same). */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return JSON.valueToTree(a).equals(JSON.valueToTree(b));
  }
}
