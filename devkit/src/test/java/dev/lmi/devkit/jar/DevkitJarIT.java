package dev.lmi.devkit.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The devkit jar as `./dev bench` runs it, with nothing on its classpath but itself: the shaded
 * sandbox, emulator and operator start and converge a tiny benchmark. Runs after `package`.
 */
class DevkitJarIT {

  @Test
  void benchmarksATinyRunFromTheJar() throws Exception {
    var output =
        runToEnd(
            "bench",
            "--functions=2",
            "--providers=1",
            "--latency-ms=1",
            "--warm-up-functions=0",
            "--resync-period=1s",
            "--timeout=2m");
    assertThat(output).contains("operator_bench converge_ratio=");
  }

  @Test
  void printsTheProjectVersion() throws Exception {
    assertThat(runToEnd("--version").strip())
        .isEqualTo("lmi-devkit " + System.getProperty("lmi.project.version"));
  }

  private static String runToEnd(String... args) throws IOException, InterruptedException {
    var jar = System.getProperty("lmi.devkit.jar");
    assumeTrue(jar != null, "checks the built jar: runs in the build's verify phase");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx256m", "-jar", jar));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
