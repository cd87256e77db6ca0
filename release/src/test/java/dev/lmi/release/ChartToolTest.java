package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChartToolTest {
  @TempDir Path dir;

  @Test
  void lintsCleanAndPackagesTheChartUnderItsVersion() throws Exception {
    var chart = Repo.root().resolve("helm/lmi-operator");
    assertThat(ChartTool.lint(chart)).isEmpty();
    var pkg = ChartTool.packageChart(chart, dir);
    var version =
        Files.readAllLines(chart.resolve("Chart.yaml")).stream()
            .filter(l -> l.startsWith("version:"))
            .findFirst()
            .orElseThrow()
            .substring("version:".length())
            .trim();
    assertThat(pkg.getFileName().toString()).isEqualTo("lmi-operator-" + version + ".tgz");
    assertThat(Files.size(pkg)).isPositive();
    var entries = TinyTar.readGzipped(Files.readAllBytes(pkg)).keySet();
    assertThat(entries)
        .contains(
            "lmi-operator/Chart.yaml",
            "lmi-operator/values.schema.json",
            "lmi-operator/crds/lmifunctions.lmi.dev.yaml",
            "lmi-operator/templates/poddisruptionbudget.yaml");
  }

  @Test
  void refusesPushesItCannotMakeSense() {
    var cli = new CommandLine(new ChartTool());
    cli.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    assertThat(cli.execute("push", "missing.tgz", "oci://example.invalid/charts")).isEqualTo(2);
    assertThat(cli.execute("push", "x.tgz", "https://example.invalid/charts")).isEqualTo(2);
    assertThat(cli.execute("publish")).isEqualTo(2);
  }
}
