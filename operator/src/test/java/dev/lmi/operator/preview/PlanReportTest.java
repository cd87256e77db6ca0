package dev.lmi.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.ObjectPlan;
import dev.lmi.operator.reconciler.plan.Change;
import dev.lmi.operator.reconciler.plan.Decision;
import dev.lmi.operator.reconciler.plan.FunctionAction;
import dev.lmi.operator.reconciler.plan.PlanEntries;
import dev.lmi.operator.reconciler.plan.VersionRef;
import dev.lmi.operator.status.Outcome;
import dev.lmi.operator.status.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan command's two outputs and its exit status, from entries alone. */
class PlanReportTest {
  private static ObjectPlan update() {
    var steps =
        List.<FunctionAction>of(
            new FunctionAction.UpdateSettings(
                List.of(
                    Change.of("memoryMiB", 2048, 4096),
                    Change.hidden("environment.TABLE_NAME", true, true))),
            new FunctionAction.Wait(Outcome.waiting(Reason.Updating, "applying", Duration.ZERO)),
            new FunctionAction.Publish(VersionRef.planned("4")),
            new FunctionAction.Wait(Outcome.waiting(Reason.Publishing, "starting", Duration.ZERO)),
            new FunctionAction.PointAlias("live", "3", VersionRef.planned("4")),
            new FunctionAction.PutScaling(VersionRef.planned("4"), 3, 6),
            new FunctionAction.PruneVersions(List.of("1"), List.of("3", "4")));
    var decision =
        new Decision<FunctionAction, Object, Object>(
            steps, Outcome.ready("serving", Duration.ZERO), null, null);
    return PlanEntries.of("LmiFunction", "orders", "list-orders", "orders-list-orders", decision);
  }

  private static ObjectPlan refused() {
    return PlanEntries.refused(
        "CapacityProvider",
        null,
        "orders-pool",
        "orders-pool",
        Outcome.terminal(Reason.CreateOnlyFieldChanged, "create-only settings changed"));
  }

  private static ObjectPlan unchanged() {
    var decision =
        new Decision<FunctionAction, Object, Object>(
            List.of(), Outcome.ready("serving", Duration.ZERO), null, null);
    return PlanEntries.of("LmiFunction", "orders", "other", "orders-other", decision);
  }

  @Test
  void printsEachChangeWithItsStepsAndEveryRefusalOnOneLine() {
    var report =
        PlanReport.of("us-east-1", "prod", List.of(update(), refused(), unchanged()), List.of());

    assertThat(PlanText.render(report))
        .isEqualTo(
            """
            ~ LmiFunction orders/list-orders (orders-list-orders)
                update configuration: memoryMiB 2048 → 4096, environment.TABLE_NAME changed
                publish version 4; move alias live 3 → 4; put scaling on 4 (min 3, max 6); prune version 1
            ! CapacityProvider orders-pool: CreateOnlyFieldChanged: create-only settings changed

            Plan: 0 to create, 1 to change, 1 refused, 1 unchanged; 5 AWS write call(s).
            """);
  }

  @Test
  void theJsonHasAStableShapeAndNoEnvironmentValue() throws Exception {
    var report = PlanReport.of("us-east-1", "prod", List.of(update(), unchanged()), List.of());
    var json = new ObjectMapper().readTree(report.json());
    var names = new ArrayList<String>();
    json.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "formatVersion", "region", "clusterName", "summary", "objects", "problems");
    assertThat(json.path("formatVersion").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("update").asInt()).isEqualTo(1);
    assertThat(json.path("summary").path("awsWrites").asInt()).isEqualTo(5);
    var first = json.path("objects").get(0);
    assertThat(first.path("change").asText()).isEqualTo("update");
    var settings = first.path("actions").get(0);
    assertThat(settings.path("type").asText()).isEqualTo("UpdateSettings");
    assertThat(settings.path("awsCalls").get(0).asText()).isEqualTo("UpdateFunctionConfiguration");
    assertThat(settings.path("changes").get(0).path("from").asText()).isEqualTo("2048");
    assertThat(settings.path("changes").get(1).path("to").asText()).isEqualTo("(hidden)");
    assertThat(first.path("actions").get(1).path("type").asText()).isEqualTo("Wait");
  }

  @Test
  void changesAndRefusalsDecideTheExitStatus() {
    assertThat(PlanReport.of("r", "c", List.of(unchanged()), List.of()).changes()).isFalse();
    assertThat(PlanReport.of("r", "c", List.of(update()), List.of()).changes()).isTrue();
    assertThat(PlanReport.of("r", "c", List.of(update()), List.of()).failed()).isFalse();
    assertThat(PlanReport.of("r", "c", List.of(refused()), List.of()).failed()).isTrue();
    assertThat(PlanReport.of("r", "c", List.of(), List.of("bad yaml")).failed()).isTrue();
  }
}
