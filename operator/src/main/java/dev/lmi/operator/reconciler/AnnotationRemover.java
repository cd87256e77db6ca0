package dev.lmi.operator.reconciler;

import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.reconciler.apply.Annotations;
import dev.lmi.operator.reconciler.apply.RolloutCue;
import dev.lmi.operator.rollout.Command;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;

/**
 * Removes an annotation with a JSON patch that first tests its value, so a value the user set since
 * the operator read the object is left alone. A refusal (gone, changed) is no error: the next
 * reconcile sees what is there.
 */
final class AnnotationRemover implements Annotations {
  private final KubernetesClient client;

  AnnotationRemover(KubernetesClient client) {
    this.client = client;
  }

  /** The clock's reading and the lmi.dev/rollout annotation, for a rollout's decisions. */
  static RolloutCue cue(LmiFunction fn, Context<LmiFunction> context, Clock clock) {
    var annotations = fn.getMetadata().getAnnotations();
    var value = annotations == null ? null : annotations.get(Api.ROLLOUT_ANNOTATION);
    return new RolloutCue(
        clock.instant(), Command.of(value), value, new AnnotationRemover(context.getClient()));
  }

  @Override
  public void remove(HasMetadata about, String key, String value) {
    var path = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
    var patch =
        "[{\"op\":\"test\",\"path\":\""
            + path
            + "\",\"value\":"
            + Serialization.asJson(value)
            + "},{\"op\":\"remove\",\"path\":\""
            + path
            + "\"}]";
    try {
      client
          .resources(about.getClass())
          .inNamespace(about.getMetadata().getNamespace())
          .withName(about.getMetadata().getName())
          .patch(PatchContext.of(PatchType.JSON), patch);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 404 && e.getCode() != 409 && e.getCode() != 422) {
        throw e;
      }
    }
  }
}
