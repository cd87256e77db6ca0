package dev.lmi.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark's own plumbing, on a tiny run: it converges and prints what it promises. */
class BenchCommandIT {

  @Test
  void convergesEverythingAndEndsWithTheSummaryLine() {
    var captured = new ByteArrayOutputStream();
    var original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          new CommandLine(new BenchCommand())
              .execute(
                  "--functions",
                  "6",
                  "--providers",
                  "2",
                  "--latency-ms",
                  "1",
                  "--resync-period",
                  "3s",
                  "--warm-up-functions",
                  "2",
                  "--timeout",
                  "2m");
    } finally {
      System.setOut(original);
    }
    var out = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    assertThat(out).contains("CreateFunction", "lower bound", "Kubernetes API requests");
    assertThat(out)
        .containsPattern("all 8 manifests applied after [\\d.]+ s")
        .containsPattern("functions Ready: half after [\\d.]+ s, 90% after [\\d.]+ s")
        .containsPattern(
            "its functions Ready [\\d.]+ s after it \\(their lower bound [\\d.]+ s\\)");
    var summary =
        Pattern.compile(
                "operator_bench converge_ratio=([\\d.]+) writes_per_function=([\\d.]+)"
                    + " resync_writes=(\\d+) reads_per_resource_resync=([\\d.]+) heap_mib=(\\d+)")
            .matcher(out);
    assertThat(summary.find()).as(out).isTrue();
    // Six functions need CreateFunction (which publishes), CreateAlias and the scaling write
    // each, and two providers one create each; the warm-up's calls are not counted.
    assertThat(Double.parseDouble(summary.group(2))).as(out).isBetween(3.0, 4.0);
    assertThat(summary.group(3)).as(out).isEqualTo("0");
    assertThat(Double.parseDouble(summary.group(4))).as(out).isBetween(1.0, 3.0);
    assertThat(out).contains("AWS read every 200 ms while a resource waits on it");
    // A steady state writes no status either: not a function's, not a provider's re-total.
    assertThat(out)
        .containsPattern("until Ready: +provider reconciles [1-9]\\d*")
        .containsPattern(
            "during the resync: +provider reconciles \\d+ \\([\\d.]+ per provider\\),"
                + " provider status writes 0 \\(0\\.0 per provider\\), function status writes 0 ");
  }

  @Test
  void measuresTheOperatorJarInAProcessOfItsOwnUnderThePodsLimits() {
    var jar = Path.of("../operator/target/lmi-operator.jar");
    assumeTrue(Files.isRegularFile(jar), "the reactor builds " + jar + " before this module");
    var captured = new ByteArrayOutputStream();
    var original = System.out;
    int exit;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      exit =
          new CommandLine(new BenchCommand())
              .execute(
                  "--operator-process",
                  "--operator-jar",
                  jar.toString(),
                  "--functions",
                  "3",
                  "--providers",
                  "1",
                  "--latency-ms",
                  "1",
                  "--resync-period",
                  "3s",
                  "--warm-up-functions",
                  "0",
                  "--timeout",
                  "2m");
    } finally {
      System.setOut(original);
    }
    var out = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(out).isZero();
    assertThat(out)
        .contains("-XX:MaxRAMPercentage=50 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        .contains("-XX:MaxRAM=512m -XX:ActiveProcessorCount=1")
        .contains("AWS read every 5 s");
    var figures =
        Pattern.compile(
                "operator_process heap_peak_mib=(\\d+) heap_live_mib=(\\d+) rss_peak_mib=(\\d+)"
                    + " cpu_until_ready_s=([\\d.]+) cpu_per_resync_s=([\\d.]+)")
            .matcher(out);
    assertThat(figures.find()).as(out).isTrue();
    var live = Integer.parseInt(figures.group(2));
    assertThat(live).isPositive().isLessThanOrEqualTo(Integer.parseInt(figures.group(1)));
    assertThat(Integer.parseInt(figures.group(3))).isGreaterThan(live);
    assertThat(Double.parseDouble(figures.group(4))).isPositive();
    assertThat(out).containsPattern("resync_writes=0 ");
  }

  @Test
  void refusesAnOperatorJarThatDoesNotExist() {
    var err = new StringWriter();
    var exit =
        new CommandLine(new BenchCommand())
            .setErr(new PrintWriter(err))
            .execute("--operator-process", "--operator-jar", "no-such.jar");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--operator-jar no-such.jar does not exist");
  }

  @Test
  void refusesAPollThatWouldBusyReadAws() {
    var err = new StringWriter();
    var exit =
        new CommandLine(new BenchCommand())
            .setErr(new PrintWriter(err))
            .execute("--functions", "1", "--poll", "0ms");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--poll must be at least 10ms");
  }
}
