package dev.lmi.devkit.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `local` from the jar, stopped mid-run as a user would stop it: whatever the local mode and its
 * libraries wrote under the temp directory is gone afterwards (SIGTERM and Ctrl-C run the same
 * path); after a kill -9 the next run's sweep removes it. Runs after `package`.
 */
class LocalModeCleanupIT {
  @TempDir Path temp;
  @TempDir Path state;

  @Test
  void aRunToTheEndShowsAQuietScreenAndLeavesNothingInTheTempDirectory() throws Exception {
    var process = new ProcessBuilder(localCommand()).redirectErrorStream(true).start();
    var screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(screen).isTrue();
    assertThat(process.exitValue()).as(screen).isZero();
    assertThat(screen)
        .contains("All Ready, all invocations answered: exit 0.")
        .doesNotContain(
            "WARNING", "ANTLR", "SLF4J", "unknown jar version", "Exception", "{\"_aws\"");
    assertThat(screen.lines().filter(l -> l.startsWith("{"))).as("function logs").isEmpty();
    assertThat(listing(temp)).isEmpty();
  }

  @Test
  void sigtermMidRunLeavesNothingInTheTempDirectory() throws Exception {
    var process = startAndAwaitServers();

    process.destroy();

    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(listing(temp)).isEmpty();
    assertThat(state.resolve("local.log")).exists();
  }

  @Test
  void aRunKilledWithSignal9IsSweptByTheNextRun() throws Exception {
    var process = startAndAwaitServers();
    var children = process.descendants().toList();

    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    for (var child : children) {
      // The child notices its parent is gone and stops by itself.
      child.onExit().get(90, TimeUnit.SECONDS);
    }
    assertThat(listing(temp)).anyMatch(p -> p.startsWith("lmi-local-"));

    var next = new ProcessBuilder(command("local", "--once", "--manifests=/nonexistent"));
    next.redirectErrorStream(true).start().waitFor(90, TimeUnit.SECONDS);

    assertThat(listing(temp)).isEmpty();
  }

  private List<String> localCommand() {
    return command(
        "local",
        "--once",
        "--kube-port=0",
        "--aws-port=0",
        "--dynamodb-port=0",
        "--state-dir=" + state,
        "--manifests=../examples/local",
        "--handler-jars=../handler/target",
        "--orders=20",
        "--products=100");
  }

  private Process startAndAwaitServers() throws IOException {
    var process = new ProcessBuilder(localCommand()).redirectErrorStream(true).start();
    var reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var seen = new StringBuilder();
    var deadline = Instant.now().plus(Duration.ofMinutes(2));
    String line;
    while ((line = reader.readLine()) != null && Instant.now().isBefore(deadline)) {
      seen.append(line).append('\n');
      if (line.startsWith("Seeding")) {
        return process;
      }
    }
    process.destroyForcibly();
    throw new AssertionError("the local mode did not start:\n" + seen);
  }

  private List<String> command(String... args) {
    var jar = System.getProperty("lmi.devkit.jar");
    assumeTrue(jar != null, "checks the built jar: runs in the build's verify phase");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-Djava.io.tmpdir=" + temp, "-jar", jar));
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
