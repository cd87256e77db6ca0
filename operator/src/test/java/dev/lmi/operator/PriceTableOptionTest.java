package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.operator.capacity.PriceTables;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PriceTableOptionTest {
  @TempDir Path dir;

  private static OperatorOptions options(String... args) {
    var options = new OperatorOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void withoutAnOverrideTheTableInTheJarIsUsed() {
    assertThat(RunCommand.priceTable(options())).isSameAs(PriceTables.defaults());
  }

  @Test
  void readsTheFileItIsGiven() throws Exception {
    var file = dir.resolve("prices.yaml");
    var shipped =
        new String(
            PriceTables.class.getResourceAsStream(PriceTables.DEFAULT_RESOURCE).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    Files.writeString(file, shipped.replace("name: default", "name: chart-override"));

    var table = RunCommand.priceTable(options("--price-table", file.toString()));

    assertThat(table.label()).isEqualTo("chart-override 2026-06, us-east-1");
  }

  @Test
  void anInvalidOverrideStopsTheOperatorAtStartWithTheReason() throws Exception {
    var file = Files.writeString(dir.resolve("prices.yaml"), "name: x\ncurrency: EUR\n");

    assertThatThrownBy(() -> RunCommand.priceTable(options("--price-table", file.toString())))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage(
            "--price-table: price table "
                + file
                + ": currency: must be USD:"
                + " status.cost.monthlyUsd is in US dollars");
  }

  @Test
  void runRefusesToStartOnABrokenTableAndSaysWhy() {
    // The option's error is reported by the command line that holds the options: stderr.
    var err = new java.io.ByteArrayOutputStream();
    var stderr = System.err;
    int code;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      code =
          new CommandLine(new Main())
              .execute(
                  "run",
                  "--region",
                  "us-east-1",
                  "--price-table",
                  dir.resolve("absent.yaml").toString());
    } finally {
      System.setErr(stderr);
    }

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(
            "--price-table: price table "
                + dir.resolve("absent.yaml")
                + ": not a readable regular file");
  }
}
