package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** validate's capacity budget across the files it is given. */
class CapacityValidationTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static ObjectNode provider(String edits) {
    return Manifests.edit(Manifests.example("capacity-provider.yaml"), edits);
  }

  // orders-list.yaml: 2048 MiB at 2 GiB/vCPU (1 vCPU per environment), 3..4 environments.
  private static ObjectNode function(String name, String edits) {
    var base = "metadata.name=" + name;
    return Manifests.edit(
        Manifests.example("orders-list.yaml"), edits.isEmpty() ? base : base + ";" + edits);
  }

  private Path write(ObjectNode... objects) throws IOException {
    var text = new StringBuilder();
    for (var o : objects) {
      text.append(Manifests.YAML.writeValueAsString(o));
    }
    return Files.writeString(dir.resolve("all.yaml"), text);
  }

  private int validate(Path file, String... options) {
    var cli = new CommandLine(new ValidateCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    var args = new java.util.ArrayList<>(List.of(options));
    args.add(file.toString());
    return cli.execute(args.toArray(String[]::new));
  }

  @Test
  void refusesFunctionsWhoseMinimumsPassTheProvidersCeiling() throws IOException {
    var file = write(provider("spec.scaling.maxVCpuCount=5"), function("a", ""), function("b", ""));

    assertThat(validate(file)).isEqualTo(1);

    assertThat(out.toString().lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "spec.scaling.minExecutionEnvironments: CapacityExceeded: at their largest"
                            + " minimum (the base values or a schedule) the 2 LmiFunctions on"
                            + " CapacityProvider orders-pool hold 6 vCPUs, more than its"
                            + " maxVCpuCount 5",
                        "this one holds 3: raise spec.scaling.maxVCpuCount of CapacityProvider"
                            + " orders-pool to at least 6"));
    assertThat(err.toString()).contains("2 problem(s) in 3 lmi.dev document(s)");
  }

  @Test
  void warnsWhenAPublishWouldWaitForRoomButExitsZero() throws IOException {
    // 6 of 6 vCPUs at minimum: every update starts 3 more next to the running version.
    var atMost3 = "spec.scaling.maxExecutionEnvironments=3";
    var file =
        write(
            provider("spec.scaling.maxVCpuCount=6"),
            function("a", atMost3),
            function("b", atMost3));

    assertThat(validate(file)).isZero();

    assertThat(out.toString().lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .contains(
                        ": warning: LmiFunction/orders/",
                        "CapacityExceeded when it publishes: its current version still runs"
                            + " while the new one starts, so publishing a new version of orders/",
                        "needs 3 execution environments × 1 vCPU = 3 vCPUs, but CapacityProvider"
                            + " orders-pool holds 6 of its 6 vCPUs"));
    assertThat(err.toString()).contains("3 documents valid (1 file(s)); 2 warning(s)");
  }

  @Test
  void warnsOfAMaximumTheCeilingCannotHold() throws IOException {
    var file =
        write(
            provider("spec.scaling.maxVCpuCount=20"),
            function("a", "spec.scaling.maxExecutionEnvironments=40"));

    assertThat(validate(file, "--output", "json")).isZero();

    var entries = new ObjectMapper().readTree(out.toString());
    assertThat(entries).hasSize(1);
    var warning = entries.get(0);
    assertThat(warning.path("warning").asBoolean()).isTrue();
    assertThat(warning.path("unusable").asBoolean()).isFalse();
    assertThat(warning.path("path").asText()).isEqualTo("spec.scaling.maxExecutionEnvironments");
    assertThat(warning.path("line").asInt()).isPositive();
    assertThat(warning.path("message").asText())
        .startsWith(
            "MaxBeyondCeiling: at its maximum this function holds 40 vCPUs, but CapacityProvider"
                + " orders-pool leaves it 20 of its 20");
  }

  @Test
  void aProviderWithoutCeilingHasAwsDefaultOf400() throws IOException {
    // 2 × 200 environments of 1 vCPU fit exactly; one more environment does not.
    var fits =
        write(
            provider("spec.scaling-"),
            function(
                "a",
                "spec.scaling.minExecutionEnvironments=200;spec.scaling.maxExecutionEnvironments-"),
            function(
                "b",
                "spec.scaling.minExecutionEnvironments=200;spec.scaling.maxExecutionEnvironments-"));
    assertThat(validate(fits)).isZero();

    var over =
        write(
            provider("spec.scaling-"),
            function(
                "a",
                "spec.scaling.minExecutionEnvironments=201;spec.scaling.maxExecutionEnvironments-"),
            function(
                "b",
                "spec.scaling.minExecutionEnvironments=200;spec.scaling.maxExecutionEnvironments-"));
    assertThat(validate(over)).isEqualTo(1);
    assertThat(out.toString()).contains("hold 401 vCPUs, more than its maxVCpuCount 400");
  }

  @Test
  void countsEachFunctionAtItsLargestWindowAndASuspendedOneAtNothing() throws IOException {
    var busy =
        "spec.scaling.schedules=[{name: busy, cron: '0 9 * * MON', minExecutionEnvironments: 8,"
            + " maxExecutionEnvironments: 8}]";
    var withSchedule =
        write(provider("spec.scaling.maxVCpuCount=10"), function("a", busy), function("b", ""));
    assertThat(validate(withSchedule)).isEqualTo(1);
    assertThat(out.toString()).contains("hold 11 vCPUs, more than its maxVCpuCount 10");

    var suspended =
        write(
            provider("spec.scaling.maxVCpuCount=10"),
            function("a", busy + ";spec.suspend=true"),
            function("b", ""));
    out.getBuffer().setLength(0);
    assertThat(validate(suspended)).isZero();
  }

  @Test
  void theShippedExamplesFitTheirProvider() {
    assertThat(validate(Path.of("../examples"))).isZero();
    assertThat(out.toString()).isEmpty();
  }
}
