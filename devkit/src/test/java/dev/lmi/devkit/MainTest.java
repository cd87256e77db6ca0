package dev.lmi.devkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The devkit's command line: its commands, their options and its version. */
class MainTest {

  @Test
  void helpListsBothCommandsAndTheirOptions() {
    assertThat(run("--help")).contains("local", "bench");
    assertThat(run("local", "--help"))
        .contains("--once", "--manifests", "--timeout", "--region", "default 36443")
        .doesNotContain("--leader-election", "--lease-namespace", "--cluster-name", "--log-format");
    assertThat(run("bench", "--help")).contains("--functions", "--providers", "--latency-ms");
  }

  @Test
  void versionIsTheProjectVersionOfThisBuild() {
    var version = "lmi-devkit " + System.getProperty("lmi.project.version");
    assertThat(run("--version").strip()).isEqualTo(version);
    assertThat(run("local", "--version").strip()).isEqualTo(version);
    assertThat(run("bench", "--version").strip()).isEqualTo(version);
  }

  private static String run(String... args) {
    var out = new ByteArrayOutputStream();
    var exit =
        new CommandLine(new Main())
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .execute(args);
    assertThat(exit).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
