package dev.lmi.operator.preview;

import static dev.lmi.operator.testing.Awaits.functionReason;
import static dev.lmi.operator.testing.Awaits.providerReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.api.Api;
import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.LmiFunction;
import dev.lmi.operator.helm.HelmIamPolicyTest;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.reconciler.OperatorSettings;
import dev.lmi.operator.status.Conditions;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The plan command against the emulator: it writes nothing, and what it lists is exactly what the
 * operator then does.
 */
class PlanCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private OperatorHarness h;
  @TempDir Path dir;

  /** What one run of the command printed and returned. */
  record Run(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void start() {
    h = new OperatorHarness(Timings.fast());
    h.withSettings(
        OperatorSettings.defaults()
            .withPoll(Duration.ofMillis(200))
            .withResync(Duration.ofSeconds(30)));
    h.startOperator();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private Run plan(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = new CommandLine(new PlanCommand(region -> h.newAwsClients(new OperatorMetrics())));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    var all = new ArrayList<>(List.of("-f", dir.toString(), "--region", "us-east-1"));
    all.addAll(List.of(args));
    var exit = cli.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private void manifest(String file, HasMetadata... objects) throws IOException {
    var yaml = new StringBuilder();
    for (var o : objects) {
      yaml.append(Serialization.asYaml(o));
    }
    Files.writeString(dir.resolve(file), yaml);
  }

  private LmiFunction converged() {
    h.client().resource(Resources.provider("orders-pool", "orders")).create();
    providerReason(h.client(), "orders-pool", "Ready");
    h.client().resource(Resources.function("orders", "list-orders", "orders-pool")).create();
    return functionReason(h.client(), "orders", "list-orders", "Ready");
  }

  private static void change(LmiFunction fn) {
    fn.getSpec().setMemoryMiB(4096);
    fn.getSpec().setEnvironment(Map.of("TABLE_NAME", "orders-v2"));
    fn.getSpec().getScaling().setMaxExecutionEnvironments(6);
    fn.getSpec().setKeepVersions(1);
  }

  /** The AWS write calls the emulator answered ok, by operation. */
  private Map<String, Long> writesInAws() {
    var out = new TreeMap<String, Long>();
    h.emulator()
        .admin()
        .counters()
        .forEach(
            (op, outcomes) -> {
              if (op.matches("(Create|Update|Delete|Put|Publish|Tag|Untag).*")
                  && outcomes.containsKey("ok")) {
                out.put(op, outcomes.get("ok"));
              }
            });
    return out;
  }

  /** The IAM actions of the calls the emulator answered, as the chart's policies name them. */
  private List<String> actionsCalled() {
    return h.emulator().admin().counters().keySet().stream()
        .map(op -> (op.startsWith("Describe") ? "ec2:" : "lambda:") + op)
        .toList();
  }

  private static Map<String, Long> writesListed(JsonNode report) {
    var out = new TreeMap<String, Long>();
    for (var o : report.path("objects")) {
      for (var a : o.path("actions")) {
        a.path("awsCalls").forEach(c -> out.merge(c.asText(), 1L, Long::sum));
      }
    }
    return out;
  }

  @Test
  void listsExactlyTheWritesTheOperatorThenMakesAndMakesNoneItself() throws IOException {
    converged();
    h.stopOperator();
    var cp = Resources.provider("orders-pool", "orders");
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    change(fn);
    manifest("orders.yaml", cp, fn);
    h.emulator().admin().resetCounters();

    var run = plan("--output", "json", "--detailed-exitcode");

    assertThat(h.emulator().admin().writeCalls())
        .as("%s", h.emulator().admin().counters())
        .isZero();
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(HelmIamPolicyTest.allowed("iam-policy-plan.json"))
        .as("the read-only policy allows every call a plan made")
        .containsAll(actionsCalled());
    var report = run.json();
    var function = report.path("objects").get(1);
    assertThat(function.path("change").asText()).isEqualTo("update");
    assertThat(function.path("actions").findValuesAsText("description"))
        .contains(
            "update configuration: memoryMiB 2048 → 4096, environment.TABLE_NAME changed",
            "publish version 2",
            "move alias live 1 → 2",
            "put scaling on 2 (min 3, max 6)",
            "prune version 1");
    assertThat(run.out()).doesNotContain("orders-v2");
    assertThat(report.path("objects").get(0).path("change").asText()).isEqualTo("none");
    var listed = writesListed(report);

    assertThat(convergeCountingWrites(PlanCommandIT::change)).isEqualTo(listed);
  }

  /** A new environment value under a Canary of two one-second steps. */
  private static void canary(LmiFunction fn) {
    fn.getSpec().setEnvironment(Map.of("TABLE_NAME", "orders", "RELEASE", "2"));
    fn.getSpec().setRollout(dev.lmi.operator.testing.RolloutSpecs.canary(10, "1s", 50, "1s"));
  }

  @Test
  void listsARolloutAsItsStepsAndTheOperatorThenMakesExactlyThoseWrites() throws IOException {
    converged();
    h.stopOperator();
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    canary(fn);
    manifest("orders.yaml", Resources.provider("orders-pool", "orders"), fn);
    h.emulator().admin().resetCounters();

    var report = plan("--output", "json").json();

    assertThat(h.emulator().admin().writeCalls()).isZero();
    assertThat(report.path("objects").get(1).path("actions").findValuesAsText("description"))
        .containsSubsequence(
            "publish version 2",
            "put scaling on 2 (min 3, max 4)",
            "route alias live: 10% to version 2, 90% to version 1 for 1s",
            "route alias live: 50% to version 2, 50% to version 1 for 1s",
            "move alias live 1 → 2");
    var listed = writesListed(report);
    assertThat(listed).containsEntry("UpdateAlias", 3L);

    assertThat(convergeCountingWrites(PlanCommandIT::canary)).isEqualTo(listed);
  }

  @Test
  void showsCreatesRefusalsAndOldToNewValuesAsText() throws IOException {
    converged();
    var refused = Resources.provider("orders-pool", "orders");
    refused.getSpec().getInstanceRequirements().setArchitecture(Architecture.X86_64);
    var fresh = Resources.provider("batch-pool", "orders");
    manifest("providers.yaml", refused, fresh);
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    fn.getSpec().setTimeoutSeconds(42);
    manifest("functions.yaml", fn);
    h.emulator().admin().resetCounters();

    var run = plan("--detailed-exitcode");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "! CapacityProvider orders-pool: CreateOnlyFieldChanged: create-only settings changed:"
                + " instanceRequirements.architecture arm64 → x86_64",
            "+ CapacityProvider batch-pool (batch-pool)\n    create capacity provider batch-pool (arm64)",
            "~ LmiFunction orders/list-orders (orders-list-orders)\n"
                + "    update configuration: timeoutSeconds 10 → 42\n"
                + "    publish version 2; move alias live 1 → 2; put scaling on 2 (min 3, max 4);"
                + " scale retained version 1 to zero (deactivated until an alias needs it)\n"
                // Version 1 stops holding environments, so the baseline stays that of one version.
                + "    cost: estimated cost unchanged: $91.30 a month (an estimate: default 2026-06,"
                + " us-east-1)\n",
            "Plan: 1 to create, 1 to change, 1 refused, 0 unchanged");
    assertThat(h.emulator().admin().writeCalls()).isZero();
  }

  @Test
  void showsTheChangeInTheEstimatedCostOfAManifestChange() throws IOException {
    converged();
    var provider = Resources.provider("orders-pool", "orders");
    var bigger = Resources.function("orders", "list-orders", "orders-pool");
    bigger.getSpec().getScaling().setMinExecutionEnvironments(5);
    bigger.getSpec().getScaling().setMaxExecutionEnvironments(6);
    manifest("all.yaml", provider, bigger);

    assertThat(plan().out())
        .contains("    cost: estimated cost +$60.86 a month ($91.30 → $152.16) (an estimate:");

    bigger.getSpec().setSuspend(true);
    manifest("all.yaml", provider, bigger);
    var json = plan("--output", "json").json();
    var entry = json.path("objects").get(1);
    assertThat(entry.path("cost").asText()).startsWith("estimated cost -$91.30 a month");
    assertThat(entry.path("actions").get(0).path("description").asText())
        .isEqualTo("put scaling on 1 (min 0, max 0)");
  }

  @Test
  void refusesWhatAnotherObjectOwnsAndSaysWhichAndNothingToDoExitsZero() throws IOException {
    converged();
    var thief = Resources.function("other", "thief", "orders-pool");
    thief.getSpec().setAwsName("orders-list-orders");
    thief.getMetadata().setAnnotations(Map.of(Api.ADOPT_ANNOTATION, "true"));
    var cp = Resources.provider("orders-pool", "orders", "other");
    manifest("thief.yaml", cp, thief);

    var refused = plan("--output", "json");
    assertThat(refused.exit()).isEqualTo(1);
    var entry = refused.json().path("objects").get(1);
    assertThat(entry.path("change").asText()).isEqualTo("refused");
    assertThat(entry.path("reason").asText()).isEqualTo("NotOwned");
    assertThat(entry.path("message").asText()).contains("LmiFunction orders/list-orders");

    Files.delete(dir.resolve("thief.yaml"));
    manifest(
        "orders.yaml",
        Resources.provider("orders-pool", "orders"),
        Resources.function("orders", "list-orders", "orders-pool"));
    var unchanged = plan("--detailed-exitcode");
    assertThat(unchanged.exit()).as(unchanged.out()).isZero();
    assertThat(unchanged.out()).contains("Plan: 0 to create, 0 to change, 0 refused, 2 unchanged");
  }

  @Test
  void refusesAFunctionOutsideItsProvidersTenancyWithoutReadingIt() throws IOException {
    var cp = Resources.provider("orders-pool", "orders");
    var tenancy = new dev.lmi.operator.api.TenancySpec();
    tenancy.setRoleArnPatterns(List.of("arn:aws:iam::123456789012:role/orders-*"));
    cp.getSpec().setTenancy(tenancy);
    var fn = Resources.function("orders", "list-orders", "orders-pool");
    manifest("orders.yaml", cp, fn);

    var run = plan("--output", "json");

    var entry = run.json().path("objects").get(1);
    assertThat(entry.path("reason").asText()).isEqualTo("TenancyViolation");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(h.emulator().admin().counters()).doesNotContainKeys("GetFunction");
  }

  @Test
  void listsNothingForAFunctionWhoseProviderWouldBeRefused() throws IOException {
    var cp = Resources.provider("orders-pool", "orders");
    cp.getSpec().getVpc().setSubnetIds(List.of("subnet-0000000000000dead"));
    manifest("orders.yaml", cp, Resources.function("orders", "list-orders", "orders-pool"));

    var run = plan("--output", "json", "--detailed-exitcode");

    assertThat(run.exit()).isEqualTo(1);
    var provider = run.json().path("objects").get(0);
    assertThat(provider.path("reason").asText()).isEqualTo("InvalidNetwork");
    var function = run.json().path("objects").get(1);
    assertThat(function.path("change").asText()).isEqualTo("none");
    assertThat(function.path("reason").asText()).isEqualTo("WaitingForProvider");
    assertThat(function.path("actions")).isEmpty();
    assertThat(run.json().path("summary").path("awsWrites").asInt()).isZero();
  }

  /** Edits the live object, lets the operator converge it to version 2, and counts AWS writes. */
  private Map<String, Long> convergeCountingWrites(Consumer<LmiFunction> edit) {
    var live = Awaits.function(h.client(), "orders", "list-orders");
    edit.accept(live);
    h.client().resource(live).update();
    h.emulator().admin().resetCounters();
    h.startOperator();
    await()
        .atMost(Awaits.TIMEOUT)
        .until(
            () -> {
              var st = Awaits.function(h.client(), "orders", "list-orders").getStatus();
              return "2".equals(st.getAliasVersion())
                  && "Ready".equals(Conditions.readyReason(st.getConditions()));
            });
    return writesInAws();
  }
}
