package dev.lmi.operator.reconciler.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where applying a plan removes an annotation it acted on (lmi.dev/rollout), if still set. */
public interface Annotations {
  /** Removes {@code key} while it still holds {@code value}: a newer value is the user's. */
  void remove(HasMetadata about, String key, String value);
}
