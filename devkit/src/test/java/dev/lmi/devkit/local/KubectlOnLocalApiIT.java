package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.sandbox.kube.KubeApi;
import dev.lmi.sandbox.kube.KubeOptions;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a new user types, run with the real kubectl against the local mode's Kubernetes API
 * (skipped where no kubectl is installed; the HTTP-level ITs cover the same answers without it).
 */
class KubectlOnLocalApiIT {
  private static final Path EXAMPLES = Path.of("..", "examples", "local");
  private static final YAMLMapper YAML = new YAMLMapper();
  @TempDir static Path tmp;
  private static String kubectl;
  private static KubeApi api;
  private static Path kubeconfig;

  /** What one kubectl run printed. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    kubectl = onPath("kubectl").orElse(null);
    assumeTrue(kubectl != null, "kubectl is not installed");
    api =
        KubeApi.start(
            KubeOptions.kubectl(0)
                .withNamespaces("default", "orders")
                .withAdmission(new CrdAdmission(new ObjectValidator()))
                .quietly());
    kubeconfig = api.writeKubeconfig(tmp.resolve("kubeconfig"));
    assertThat(
            kubectl("apply", "-f", manifest("pool.yaml", "capacity-provider.yaml", s -> {})).exit())
        .isZero();
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void applyOfAnInvalidFunctionIsRefusedInTheApiServersWords() throws Exception {
    var file = manifest("invalid.yaml", "orders-list.yaml", spec -> spec.put("memoryMiB", 3000));

    var run = kubectl("apply", "-f", file);

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "The LmiFunction \"list-orders\" is invalid: spec.memoryMiB: Invalid value: 3000:"
                + " memoryMiB 3000 is not a multiple of 2048");
  }

  @Test
  void anUnknownFieldIsRefusedByDefaultAndDroppedWithValidateFalse() throws Exception {
    var file = manifest("typo.yaml", "orders-list.yaml", spec -> spec.put("memoryMib", 2048));

    var strict = kubectl("apply", "-f", file);
    var lax = kubectl("apply", "-f", file, "--validate=false");

    assertThat(strict.err())
        .contains(
            "LmiFunction in version \"v1alpha1\" cannot be handled as a LmiFunction: strict"
                + " decoding error: unknown field \"spec.memoryMib\"");
    assertThat(lax.exit()).as(lax.err()).isZero();
    assertThat(
            kubectl("get", "lmifn", "list-orders", "-n", "orders", "-o", "jsonpath={.spec}").out())
        .doesNotContain("memoryMib")
        .contains("\"timeoutSeconds\":10");
    kubectl("delete", "-f", file);
  }

  @Test
  void serverDryRunAndDiffShowAChangeWithoutMakingIt() throws Exception {
    var original = manifest("fn.yaml", "orders-list.yaml", spec -> spec.put("awsName", "dry-fn"));
    var bigger =
        manifest(
            "bigger.yaml",
            "orders-list.yaml",
            spec -> spec.put("awsName", "dry-fn").put("memoryMiB", 4096));
    kubectl("apply", "-f", original);

    var dryRun = kubectl("apply", "-f", bigger, "--dry-run=server");
    var diff = onPath("diff").isPresent() ? kubectl("diff", "-f", bigger) : null;

    assertThat(dryRun.out()).contains("configured (server dry run)");
    if (diff != null) {
      assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
      assertThat(diff.out()).contains("-  memoryMiB: 2048", "+  memoryMiB: 4096");
    }
    assertThat(
            kubectl(
                    "get",
                    "lmifn",
                    "list-orders",
                    "-n",
                    "orders",
                    "-o",
                    "jsonpath={.spec.memoryMiB}")
                .out())
        .isEqualTo("2048");
    kubectl("delete", "-f", original);
  }

  @Test
  void explainPrintsTheFieldsOfTheCrd() throws Exception {
    var run = kubectl("explain", "capacityprovider.spec.vpc");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("KIND:       CapacityProvider", "FIELD: vpc <Object>", "subnetIds");
  }

  @Test
  void describeAndGetEventsShowTheEventsOfAnObject() throws Exception {
    var uid =
        api.client()
            .genericKubernetesResources("lmi.dev/v1alpha1", "CapacityProvider")
            .withName("local-pool")
            .get()
            .getMetadata()
            .getUid();
    var now = Instant.now().toString();
    api.client()
        .v1()
        .events()
        .inNamespace("default")
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("local-pool.1")
                .withNamespace("default")
                .endMetadata()
                .withNewInvolvedObject()
                .withApiVersion("lmi.dev/v1alpha1")
                .withKind("CapacityProvider")
                .withName("local-pool")
                .withUid(uid)
                .endInvolvedObject()
                .withType("Normal")
                .withReason("Created")
                .withMessage("created capacity provider")
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource("lmi-operator", null)
                .build())
        .create();

    var describe = kubectl("describe", "lmicp", "local-pool");
    var events = kubectl("get", "events", "-n", "default");

    assertThat(describe.out())
        .containsPattern("Normal +Created +\\S+ +lmi-operator +created capacity provider");
    assertThat(events.out())
        .containsPattern("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE")
        .containsPattern("Normal +Created +capacityprovider/local-pool +created capacity provider");
  }

  private static String manifest(String name, String example, Consumer<ObjectNode> editSpec)
      throws Exception {
    var object = (ObjectNode) YAML.readTree(EXAMPLES.resolve(example).toFile());
    editSpec.accept((ObjectNode) object.path("spec"));
    var file = tmp.resolve(name);
    YAML.writeValue(file.toFile(), object);
    return file.toString();
  }

  private static Run kubectl(String... args) throws Exception {
    var command =
        new ArrayList<>(
            List.of(
                kubectl,
                "--kubeconfig",
                kubeconfig.toString(),
                "--cache-dir",
                tmp.resolve("cache").toString()));
    command.addAll(List.of(args));
    var out = tmp.resolve("out.txt");
    var err = tmp.resolve("err.txt");
    var process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Optional<String> onPath(String program) {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      var candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate.toString());
      }
    }
    return Optional.empty();
  }
}
