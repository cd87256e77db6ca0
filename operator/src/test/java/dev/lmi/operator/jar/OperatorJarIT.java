package dev.lmi.operator.jar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.Timings;
import dev.lmi.operator.testing.Awaits;
import dev.lmi.operator.testing.Resources;
import dev.lmi.sandbox.Sandbox;
import dev.lmi.sandbox.kube.KubeOptions;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar we ship, run the way the image runs it, with nothing on its classpath but itself: `run`
 * converges a provider and a function in the sandbox (with leader election, so its Lease and access
 * review are exercised), `validate` accepts the examples, --version names the build.
 */
class OperatorJarIT {
  @TempDir Path tmp;

  @Test
  void runConvergesAProviderAndAFunctionAndAnswersItsProbes() throws Exception {
    try (var sandbox =
        Sandbox.start(
            KubeOptions.crud().withNamespaces("default", "orders"),
            EmulatorConfig.defaults().withTimings(Timings.fast()))) {
      allowLeaderElection(sandbox);
      var health = freePort();
      var command =
          command(
              "run",
              "--region=us-east-1",
              "--leader-election",
              "--lease-namespace=default",
              "--metrics-port=0",
              "--health-port=" + health);
      var process = new ProcessBuilder(command);
      var env = process.environment();
      env.keySet()
          .removeIf(k -> k.startsWith("AWS_") || k.startsWith("LMI_") || k.startsWith("KUBE"));
      env.put("KUBECONFIG", sandbox.kube().writeKubeconfig(tmp.resolve("kubeconfig")).toString());
      env.put("AWS_ENDPOINT_URL", sandbox.emulator().endpoint().toString());
      env.put("AWS_ACCESS_KEY_ID", "test");
      env.put("AWS_SECRET_ACCESS_KEY", "test");
      var log = tmp.resolve("operator.log");
      var operator = process.redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        var client = sandbox.kube().client();
        client.resource(Resources.provider("orders-pool", "orders")).create();
        client.resource(Resources.function("orders", "one", "orders-pool")).create();
        try {
          Awaits.functionReason(client, "orders", "one", "Ready");
        } catch (RuntimeException | AssertionError e) {
          throw new AssertionError(e.getMessage() + "\noperator log:\n" + Files.readString(log), e);
        }
        assertThat(get(health, "/healthz")).isEqualTo(200);
        assertThat(operator.isAlive()).as(Files.readString(log)).isTrue();
      } finally {
        operator.destroy();
        if (!operator.waitFor(10, TimeUnit.SECONDS)) {
          operator.destroyForcibly();
        }
      }
    }
  }

  @Test
  void validateAcceptsTheExamples() throws Exception {
    var result = runToEnd("validate", Path.of("..", "examples").toString());
    assertThat(result.exit()).as(result.output()).isZero();
  }

  @Test
  void printsTheProjectVersion() throws Exception {
    var result = runToEnd("--version");
    assertThat(result.exit()).as(result.output()).isZero();
    assertThat(result.output().lines().findFirst().orElse(""))
        .isEqualTo("lmi-operator " + System.getProperty("lmi.project.version"));
  }

  private record Result(int exit, String output) {}

  private Result runToEnd(String... args) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
    return new Result(process.exitValue(), output);
  }

  private static List<String> command(String... args) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(LeanJarTest.jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** The mock answers 422 to the access review JOSDK makes before it elects a leader. */
  private static void allowLeaderElection(Sandbox sandbox) {
    var review =
        new SelfSubjectRulesReviewBuilder()
            .withNewStatus()
            .addNewResourceRule()
            .withApiGroups("*")
            .withResources("*")
            .withVerbs("*")
            .endResourceRule()
            .withIncomplete(false)
            .endStatus()
            .build();
    sandbox
        .kube()
        .mockServer()
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, review)
        .always();
  }

  private static int get(int port, String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
