package dev.lmi.operator.reconciler.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where applying a plan tells its story: one Kubernetes Event per AWS write and failure. */
public interface Events {
  void normal(HasMetadata about, String reason, String message);

  void warning(HasMetadata about, String reason, String message);
}
