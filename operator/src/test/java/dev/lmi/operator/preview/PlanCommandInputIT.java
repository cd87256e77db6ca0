package dev.lmi.operator.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.aws.AwsCalls;
import dev.lmi.operator.aws.AwsClients;
import dev.lmi.operator.metrics.OperatorMetrics;
import dev.lmi.operator.testing.OperatorHarness;
import dev.lmi.operator.testing.Resources;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Input the plan command cannot plan ends it with one line on stderr and exit status 1, even with
 * --detailed-exitcode (where 2 means "changes"), never with a stack trace. AWS here is a closed
 * port on loopback.
 */
class PlanCommandInputIT {
  @TempDir Path dir;
  private final AtomicInteger clientsMade = new AtomicInteger();

  record Run(int exit, String out, String err) {}

  private Run plan(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli =
        new CommandLine(
            new PlanCommand(
                region -> {
                  clientsMade.incrementAndGet();
                  return new AwsClients(
                      region,
                      URI.create("http://127.0.0.1:1"),
                      OperatorHarness.CREDENTIALS,
                      new AwsCalls(new OperatorMetrics(), 20, 1));
                }));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    var all = new ArrayList<>(List.of(args));
    all.add("--detailed-exitcode");
    return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
  }

  private Path manifests() throws IOException {
    var file = dir.resolve("orders.yaml");
    Files.writeString(
        file,
        Serialization.asYaml(Resources.provider("orders-pool", "orders"))
            + Serialization.asYaml(Resources.function("orders", "list-orders", "orders-pool")));
    return file;
  }

  @Test
  void anUnreachableEndpointEndsTheRunWithOneLineAndNothingPlanned() throws IOException {
    var run = plan("-f", manifests().toString(), "--region", "us-east-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("plan: could not read AWS, nothing was planned: ")
        .contains("127.0.0.1:1");
  }

  @Test
  void aRegionThatIsNotOneIsRefusedBeforeAnyCall() throws IOException {
    var run = plan("-f", manifests().toString(), "--region", "us east 1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("--region: \"us east 1\" is not an AWS region");
    assertThat(clientsMade).hasValue(0);
  }

  @Test
  void anInvalidPriceTableIsRefusedNamingTheFieldBeforeAnyCall() throws IOException {
    var table = dir.resolve("prices.yaml");
    Files.writeString(table, "name: mine\ncurrency: EUR\n");

    var run =
        plan(
            "-f",
            manifests().toString(),
            "--region",
            "us-east-1",
            "--price-table",
            table.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err().strip().lines())
        .singleElement()
        .asString()
        .startsWith("plan: --price-table: price table ")
        .contains("currency: must be USD");
    assertThat(clientsMade).hasValue(0);
  }

  @Test
  void aMistypedOptionExitsOneNotTwo() {
    var run = plan("-f", dir.toString(), "--output", "xml");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("Invalid value for option '--output'");
  }

  @Test
  void filesWithoutAnyObjectAreAnErrorNotAnEmptyPlan() throws IOException {
    Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\n");

    var run = plan("-f", dir.toString(), "--region", "us-east-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("! nothing to plan: no lmi.dev object in");
    assertThat(clientsMade).hasValue(0);
  }

  @Test
  void brokenFilesAreNamedWithTheirLineAndPlanNothing() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "a: [\n");
    Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

    var run =
        plan("-f", dir.toString(), dir.resolve("missing.yaml").toString(), "--region", "us-east-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("bad.yaml:2:1: not valid YAML", "binary.yaml:1:1: not valid YAML: not UTF-8")
        .contains("missing.yaml: no such file or directory");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aDirectoryOfTooManyFilesStopsAtTheLimitWithOneLine() throws IOException {
    for (var i = 0; i < 10_001; i++) {
      Files.writeString(dir.resolve("f" + i + ".yaml"), "");
    }

    var run = plan("-f", dir.toString(), "--region", "us-east-1");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("10000").doesNotContain("Exception");
    assertThat(clientsMade).hasValue(0);
  }
}
