package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which updates of an object start a reconcile: a spec change (a new generation), a deletion, the
 * finalizer, and the annotations that change what the operator may do (lmi.dev/dry-run,
 * lmi.dev/adopt, lmi.dev/rollout), which a real API server does not count as a new generation. The
 * operator's own status writes start nothing.
 */
public final class WakeFilter implements OnUpdateFilter<HasMetadata> {
  private static final List<String> INTENT =
      List.of(Api.DRY_RUN_ANNOTATION, Api.ADOPT_ANNOTATION, Api.ROLLOUT_ANNOTATION);

  @Override
  public boolean accept(HasMetadata now, HasMetadata before) {
    var n = now.getMetadata();
    var b = before.getMetadata();
    return n.getGeneration() == null
        || b.getGeneration() == null
        || n.getGeneration() > b.getGeneration()
        || (n.getDeletionTimestamp() != null && b.getDeletionTimestamp() == null)
        || n.getFinalizers() == null
        || n.getFinalizers().isEmpty()
        || !Objects.equals(n.getFinalizers(), b.getFinalizers())
        || INTENT.stream()
            .anyMatch(a -> !Objects.equals(get(n.getAnnotations(), a), get(b.getAnnotations(), a)));
  }

  private static String get(Map<String, String> annotations, String key) {
    return annotations == null ? null : annotations.get(key);
  }
}
