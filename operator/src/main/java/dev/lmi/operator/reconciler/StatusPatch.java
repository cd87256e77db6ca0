package dev.lmi.operator.reconciler;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/**
 * One JSON Patch of the status subresource, by name, replacing the whole status: no read first and
 * no resourceVersion, so a cached copy that lags behind cannot make it conflict. Only this
 * operator's leader writes status, so the last write is the right one.
 */
final class StatusPatch {
  private StatusPatch() {}

  /**
   * Writes the status; the resourceVersion it got (-1 when unknown). Throws what the client does.
   */
  static long apply(KubernetesClient client, CustomResource<?, ?> resource, Object status) {
    // A handle on an item, as one by name would read the object before patching it; on a copy
    // holding only the name, as the client copies the item it is handed.
    var live =
        client
            .resource(nameOnly(resource))
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON),
                StatusCopies.replaceStatusPatch(status).toString());
    return version(live.getMetadata().getResourceVersion());
  }

  static long version(String resourceVersion) {
    try {
      return resourceVersion == null ? -1 : Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @SuppressWarnings("unchecked")
  private static <R extends CustomResource<?, ?>> R nameOnly(R resource) {
    try {
      var copy = (R) resource.getClass().getDeclaredConstructor().newInstance();
      copy.setMetadata(
          new ObjectMetaBuilder()
              .withName(resource.getMetadata().getName())
              .withNamespace(resource.getMetadata().getNamespace())
              .build());
      return copy;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + resource.getClass().getSimpleName(), e);
    }
  }
}
