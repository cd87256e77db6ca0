package dev.lmi.devkit.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's main command in-process: `local --once --canary` on examples/local, with real local
 * servers (mock API, emulator running the handler jars, DynamoDB Local) on random ports. One run;
 * each test checks one of its promises.
 */
class LocalModeIT {
  /** Why the similarity function cannot start yet (see the local mode's report). */
  private static final ObjectMapper M = new ObjectMapper();

  @TempDir static Path tmp;
  private static LocalMode mode;
  private static int exit;
  private static ShownCommands shown;
  private static String printed;

  @BeforeAll
  static void runOnce() throws Exception {
    var command = new LocalCommand();
    new CommandLine(command)
        .parseArgs(
            "--once",
            "--canary",
            "--timeout=5m",
            "--manifests=../examples/local",
            "--handler-jars=../handler/target",
            "--info-out=" + tmp.resolve("info.json"),
            "--orders=20",
            "--products=100",
            "--kube-port=0",
            "--aws-port=0",
            "--dynamodb-port=0");
    var out = new ByteArrayOutputStream();
    var work = WorkDir.create(tmp);
    shown = new ShownCommands(out);
    mode = new LocalMode(command.config(work, tmp), shown, false);
    exit = mode.run();
    printed = out.toString(UTF_8);
  }

  @Test
  void theKubectlCommandOfTheBannerWorksAsCopied() {
    var kubectl = shown.result("kubectl --kubeconfig");
    assumeTrue(kubectl != null, "kubectl is not installed");
    assertThat(kubectl.exit()).as(kubectl.output()).isZero();
    assertThat(kubectl.output()).contains("list-orders", "similarity-search");
  }

  @Test
  void theAwsCliCommandsShownWorkAsCopiedWithoutCredentialsOrRegionOfTheirOwn() {
    var list = shown.result("lambda list-functions");
    assumeTrue(list != null, "the AWS CLI is not installed");
    assertThat(list.exit()).as(list.output()).isZero();
    assertThat(list.output()).contains("orders-list-orders");
    var orders = shown.result("--function-name orders-list-orders");
    assertThat(orders.exit()).as(orders.output()).isZero();
    assertThat(orders.output()).contains("\"statusCode\":200", "next_token");
    var search = shown.result("--function-name search-similarity-search");
    assertThat(search.exit()).as(search.output()).isZero();
    assertThat(search.output()).contains("\"results\"");
  }

  @Test
  void writesTheInfoFileWithEveryEndpointAndAWorkingKubeconfig() throws Exception {
    var info = M.readTree(tmp.resolve("info.json").toFile());
    assertThat(info.path("kubernetesApiUrl").asText()).startsWith("http://127.0.0.1:");
    assertThat(info.path("awsEndpointUrl").asText()).startsWith("http://127.0.0.1:");
    assertThat(info.path("dynamodbEndpointUrl").asText()).startsWith("http://127.0.0.1:");
    assertThat(Files.readString(Path.of(info.path("kubeconfig").asText())))
        .contains("server: " + info.path("kubernetesApiUrl").asText());
    assertThat(printed).contains(tmp.resolve("info.json").toString());
  }

  @Test
  void showsProgressUntilTheOrdersFunctionIsReady() {
    assertThat(printed)
        .contains(
            "KIND", "CapacityProvider", "local-pool", "orders/list-orders", "WaitingForProvider")
        .containsPattern("orders/list-orders +True +Ready +1 ")
        // vCPUs at minimum/maximum and the estimate: 1..2 environments of 1 vCPU, 1 of 2 vCPUs.
        .containsPattern("orders/list-orders +True +Ready +1 +1/2 +30\\.43 ")
        .containsPattern("search/similarity-search +True +Ready +1 +2/2 +60\\.86 ");
  }

  @Test
  void theLastTableBeforeTheInvocationsShowsTheProviderAtTheSumOfItsFunctions() {
    var before = printed.substring(0, printed.indexOf("Invoking each Ready function's alias"));
    var lastTable = before.substring(before.lastIndexOf("KIND "));

    // 1 + 2 vCPUs at minimum, 2 + 2 at maximum: not the first publish's three 2-vCPU environments.
    assertThat(lastTable).containsPattern("local-pool +True +Ready +- +3/4/16 ");
  }

  @Test
  void ordersFunctionAnswersAPageWithItsNextToken() throws Exception {
    var orders = result("orders/list-orders");
    assertThat(orders.ok()).as(orders.text()).isTrue();
    assertThat(orders.answer().path("statusCode").asInt()).isEqualTo(200);
    var page = M.readTree(orders.answer().path("body").asText());
    assertThat(page.path("orders")).hasSize(5);
    assertThat(page.path("next_token").isTextual()).isTrue();
    assertThat(printed).contains("next_token: " + page.path("next_token").asText());
  }

  @Test
  void similarityFunctionRanksProducts() {
    var search = result("search/similarity-search");
    assertThat(search.ok()).as(search.text()).isTrue();
    JsonNode audio = search.answer().path("results").path("audio");
    assertThat(audio).hasSize(3);
    assertThat(audio.get(0).path("score").asDouble())
        .isGreaterThanOrEqualTo(audio.get(2).path("score").asDouble());
  }

  @Test
  void theCanaryShowsTheWeightsMovingWhileTrafficFlowsThenTheNewVersionAlone() {
    assertThat(printed)
        .containsSubsequence(
            "Canary: orders/list-orders gets version 2",
            "1 (90%) + 2 (10%)",
            "step 1 of 2: version 2 takes 10% (stable 1)",
            "1 (50%) + 2 (50%)",
            "Rollout Succeeded: version 2 takes all traffic")
        .containsPattern("orders/list-orders +True +Ready +2 ")
        .containsPattern("traffic: \\d+ invocations; version 1: \\d+, version 2: \\d+");
  }

  @Test
  void exitsZeroWhenAllIsReadyAndEveryInvocationAnswered() {
    assertThat(exit).as(printed).isZero();
  }

  @Test
  void exitsNonZeroNamingTheFailureWhenSomethingIsNotReady() {
    if (exit != 0) {
      assertThat(printed).contains("Exit " + exit + ":");
    }
  }

  private static SampleInvocations.Result result(String function) {
    return mode.results().stream()
        .filter(r -> r.function().equals(function))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no invocation of " + function + " in\n" + printed));
  }
}
