package dev.lmi.emulator.cloudwatch;

import static dev.lmi.emulator.Clients.await;
import static dev.lmi.emulator.lambda.LmiFixtures.createProvider;
import static dev.lmi.emulator.lambda.LmiFixtures.lmiFunction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.Clients;
import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import dev.lmi.emulator.code.HandlerJar;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CapacityProviderConfig;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * What Invoke reports to CloudWatch: AWS/Lambda Invocations, Errors, Duration and Throttles per
 * function, resource and executed version, under weighted aliases, with real and injected errors.
 */
class InvocationMetricsIT {
  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  @TempDir static Path codeDir;
  private static LmiEmulator emulator;
  private static LambdaClient lambda;
  private static CloudWatchClient cw;
  private static String cp;

  @BeforeAll
  static void start() {
    HandlerJar.build(codeDir.resolve("code/handlers.jar"));
    emulator =
        LmiEmulator.start(
            EmulatorConfig.defaults()
                .withTimings(Timings.instant())
                .withCodeDir(codeDir)
                .withClock(new MovableClock(T0)));
    lambda = Clients.lambda(emulator);
    cw = Clients.cloudWatch(emulator);
    cp = createProvider(lambda, "cp1");
  }

  @AfterAll
  static void stop() {
    lambda.close();
    cw.close();
    emulator.close();
  }

  /** Publishes one version per environment, in order, each Active. */
  private static void publish(String name, String handler, List<Map<String, String>> envs) {
    publish(name, handler, 32, envs);
  }

  private static void publish(
      String name, String handler, int concurrency, List<Map<String, String>> envs) {
    var config =
        CapacityProviderConfig.builder()
            .lambdaManagedInstancesCapacityProviderConfig(
                c -> c.capacityProviderArn(cp).perExecutionEnvironmentMaxConcurrency(concurrency))
            .build();
    lambda.createFunction(
        lmiFunction(name, cp)
            .capacityProviderConfig(config)
            .handler(handler)
            .code(FunctionCode.builder().s3Bucket("code").s3Key("handlers.jar").build())
            .environment(e -> e.variables(envs.get(0)))
            .build());
    for (var i = 0; i < envs.size(); i++) {
      var env = envs.get(i);
      lambda.updateFunctionConfiguration(
          b -> b.functionName(name).environment(e -> e.variables(env)));
      lambda.getFunction(b -> b.functionName(name));
      var version = lambda.publishVersion(b -> b.functionName(name)).version();
      await(
          () ->
              lambda
                  .getFunctionConfiguration(b -> b.functionName(name).qualifier(version))
                  .stateAsString()
                  .equals("Active"),
          Duration.ofSeconds(20));
    }
  }

  private static Map<String, Integer> invoke(String name, String qualifier, int times) {
    var byOutcome = new HashMap<String, Integer>();
    for (var i = 0; i < times; i++) {
      var r =
          lambda.invoke(
              b ->
                  b.functionName(name).qualifier(qualifier).payload(SdkBytes.fromUtf8String("{}")));
      var key = r.executedVersion() + (r.functionError() == null ? "" : " " + r.functionError());
      byOutcome.merge(key, 1, Integer::sum);
    }
    return byOutcome;
  }

  /** The Sum of one AWS/Lambda metric over the first ten minutes (0 when there is none). */
  private static int sum(String metric, Map<String, String> dimensions) {
    var dims =
        dimensions.entrySet().stream()
            .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
            .toList();
    var values =
        cw.getMetricData(
                b ->
                    b.startTime(T0)
                        .endTime(T0.plusSeconds(600))
                        .metricDataQueries(
                            MetricDataQuery.builder()
                                .id("m")
                                .metricStat(
                                    s ->
                                        s.metric(
                                                m ->
                                                    m.namespace("AWS/Lambda")
                                                        .metricName(metric)
                                                        .dimensions(dims))
                                            .period(60)
                                            .stat("Sum"))
                                .build()))
            .metricDataResults()
            .get(0)
            .values();
    return (int) Math.round(values.stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void aCandidateWhoseCodeThrowsShowsErrorsOnItsOwnVersionOnly() {
    publish("shop", "example.Choosy", List.of(Map.of("BROKEN", "false"), Map.of("BROKEN", "true")));
    lambda.createAlias(
        b ->
            b.functionName("shop")
                .name("live")
                .functionVersion("1")
                .routingConfig(r -> r.additionalVersionWeights(Map.of("2", 0.3))));

    var seen = invoke("shop", "live", 80);
    invoke("shop", "1", 5);

    var canary = seen.get("2 Unhandled");
    var stable = seen.get("1");
    assertThat(seen.keySet()).containsExactlyInAnyOrder("1", "2 Unhandled");
    var live = Map.of("FunctionName", "shop", "Resource", "shop:live");
    var v2 = new HashMap<>(live);
    v2.put("ExecutedVersion", "2");
    var v1 = new HashMap<>(live);
    v1.put("ExecutedVersion", "1");
    assertThat(sum("Invocations", v2)).isEqualTo(canary);
    assertThat(sum("Errors", v2)).isEqualTo(canary);
    assertThat(sum("Invocations", v1)).isEqualTo(stable);
    assertThat(sum("Errors", v1)).isZero();
    assertThat(sum("Invocations", live)).isEqualTo(80);
    assertThat(sum("Invocations", Map.of("FunctionName", "shop", "Resource", "shop:1")))
        .isEqualTo(5);
    assertThat(sum("Errors", Map.of("FunctionName", "shop"))).isEqualTo(canary);
    assertThat(sum("Invocations", Map.of("FunctionName", "shop"))).isEqualTo(85);
    assertThat(sum("Invocations", Map.of())).isGreaterThanOrEqualTo(85);
  }

  @Test
  void injectedFailuresHitTheChosenVersionOnlyAndRepeatWithTheSeed() throws Exception {
    publish("inject", "example.Choosy", List.of(Map.of("RELEASE", "1"), Map.of("RELEASE", "2")));
    emulator.admin().failInvocations("inject", "2", 0.5, 42);

    var first = invoke("inject", "2", 40);
    var untouched = invoke("inject", "1", 10);
    emulator.admin().failInvocations("inject", "2", 0.5, 42);
    var again = invoke("inject", "2", 40);
    emulator.admin().clearInvocationFailures();
    var cleared = invoke("inject", "2", 5);

    assertThat(first).isEqualTo(again);
    assertThat(first.get("2 Unhandled")).isBetween(10, 30);
    assertThat(untouched).containsExactly(Map.entry("1", 10));
    assertThat(cleared).containsExactly(Map.entry("2", 5));
    assertThat(sum("Errors", Map.of("FunctionName", "inject", "Resource", "inject:2")))
        .isEqualTo(2 * first.get("2 Unhandled"));
    var http =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        emulator.endpoint().resolve("/_emulator/fail-invocations"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"functionName\":\"inject\",\"version\":\"1\",\"fraction\":1}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(http.statusCode()).isEqualTo(204);
    assertThat(invoke("inject", "1", 3)).containsExactly(Map.entry("1 Unhandled", 3));
  }

  @Test
  void refusedInvocationsAreThrottlesNotInvocations() throws Exception {
    publish("busy", "example.EchoHandler", 1, List.of(Map.of()));

    var outcomes = new ArrayList<String>();
    var calls = new ArrayList<Callable<String>>();
    for (var i = 0; i < 40; i++) {
      calls.add(
          () -> {
            try {
              lambda.invoke(
                  b ->
                      b.functionName("busy")
                          .qualifier("1")
                          .payload(SdkBytes.fromUtf8String("\"sleep\"")));
              return "ok";
            } catch (TooManyRequestsException e) {
              return "429";
            }
          });
    }
    try (var pool = Executors.newFixedThreadPool(40)) {
      for (var f : pool.invokeAll(calls)) {
        outcomes.add(f.get());
      }
    }

    var throttled = outcomes.stream().filter("429"::equals).count();
    var dims = Map.of("FunctionName", "busy", "Resource", "busy:1");
    assertThat(throttled).isPositive();
    assertThat(sum("Throttles", dims)).isEqualTo((int) throttled);
    assertThat(sum("Invocations", dims)).isEqualTo(40 - (int) throttled);
    assertThat(
            cw.listMetrics(
                    b ->
                        b.namespace("AWS/Lambda")
                            .metricName("Duration")
                            .dimensions(
                                DimensionFilter.builder()
                                    .name("FunctionName")
                                    .value("busy")
                                    .build()))
                .metrics())
        .hasSize(2);
  }
}
