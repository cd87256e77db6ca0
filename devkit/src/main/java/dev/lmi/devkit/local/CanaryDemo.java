package dev.lmi.devkit.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Set;

/**
 * {@code local --canary}: once everything is Ready, orders/list-orders gets a new version under a
 * Canary rollout while traffic flows against its alias; the table shows the weights move, and a
 * line below it which version served how many invocations. With {@code bad}, the emulator fails a
 * share of the new version's invocations, and its error rate rolls it back.
 */
final class CanaryDemo {
  private static final String NAMESPACE = "orders";
  private static final String NAME = "list-orders";
  private static final String AWS_NAME = "orders-list-orders";
  private static final double BAD_SHARE = 0.3;
  private static final Set<String> ENDED = Set.of("Succeeded", "RolledBack", "Aborted");
  private static final String ROLLOUT =
      """
      {"strategy":"Canary","steps":[{"weight":10,"pause":"20s"},{"weight":50,"pause":"20s"}],\
      "analysis":{"maxErrorRate":"0.05","minInvocations":10}}""";
  private static final ResourceDefinitionContext FUNCTIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("lmi.dev")
          .withVersion("v1alpha1")
          .withPlural("lmifunctions")
          .withNamespaced(true)
          .build();

  private final LocalStack stack;
  private final LiveTable table;
  private final PrintStream out;

  CanaryDemo(LocalStack stack, LiveTable table, PrintStream out) {
    this.stack = stack;
    this.table = table;
    this.out = out;
  }

  /** Runs the rollout to its end; OK when it ended as {@code bad} predicts. */
  int run(boolean bad, Instant deadline) throws InterruptedException {
    var before = function();
    if (before == null || before.path("status").path("aliasVersion").isMissingNode()) {
      out.println("\nNo Ready " + NAMESPACE + "/" + NAME + " to roll out: --canary skipped.");
      return LocalMode.FAILED;
    }
    var next = String.valueOf(before.path("status").path("aliasVersion").asLong() + 1);
    if (bad) {
      stack.emulator().admin().failInvocations(AWS_NAME, next, BAD_SHARE, 7);
    }
    out.println();
    out.println(
        "Canary: "
            + NAMESPACE
            + "/"
            + NAME
            + " gets version "
            + next
            + " (environment RELEASE="
            + next
            + ") with spec.rollout Canary: 10% for 20s, 50% for 20s, then 100%; maxErrorRate"
            + " 0.05 over at least 10 invocations"
            + (bad
                ? ". The emulator fails " + (int) (BAD_SHARE * 100) + "% of its invocations"
                : "")
            + ". Traffic flows against "
            + AWS_NAME
            + ":live meanwhile.");
    var payload = SampleInvocations.ordersEvent().toString();
    try (var traffic = Traffic.start(stack.lambda(), AWS_NAME, "live", payload)) {
      patch(next);
      table.detach();
      return follow(traffic, bad, deadline);
    }
  }

  private int follow(Traffic traffic, boolean bad, Instant deadline) throws InterruptedException {
    var shown = "";
    while (true) {
      var rows = Progress.table(Progress.rows(stack.kube().client()));
      // Appended to a file, a new block only when a resource changed, not each traffic count.
      if (table.inPlace() || !rows.equals(shown)) {
        table.show(rows + traffic.summary() + "\n");
        shown = rows;
      }
      var f = function();
      var phase = f.path("status").path("rollout").path("phase").asText("");
      if (ENDED.contains(phase) && Progress.row("LmiFunction", f).current()) {
        var rollout = f.path("status").path("rollout");
        out.println("\nRollout " + phase + ": " + rollout.path("message").asText());
        return phase.equals(bad ? "RolledBack" : "Succeeded") ? LocalMode.OK : LocalMode.FAILED;
      }
      if (Instant.now().isAfter(deadline)) {
        out.println("\nTimed out waiting for the rollout to end.");
        return LocalMode.TIMED_OUT;
      }
      Thread.sleep(500);
    }
  }

  private void patch(String release) {
    var env = function().path("spec").path("environment").deepCopy();
    var patch = Serialization.jsonMapper().createObjectNode();
    var spec = patch.putObject("spec");
    spec.set("rollout", Serialization.unmarshal(ROLLOUT, JsonNode.class));
    spec.set(
        "environment",
        ((com.fasterxml.jackson.databind.node.ObjectNode) env).put("RELEASE", release));
    resource().patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  private JsonNode function() {
    var f = resource().get();
    return f == null ? null : Serialization.jsonMapper().valueToTree(f);
  }

  private io.fabric8.kubernetes.client.dsl.Resource<
          io.fabric8.kubernetes.api.model.GenericKubernetesResource>
      resource() {
    return stack
        .kube()
        .client()
        .genericKubernetesResources(FUNCTIONS)
        .inNamespace(NAMESPACE)
        .withName(NAME);
  }
}
