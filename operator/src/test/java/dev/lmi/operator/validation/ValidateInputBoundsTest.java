package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Input that must end quickly with exit 2 and one clear line: devices, FIFOs, symlink loops, too
 * much of anything. Small limits stand in for the real ones where the real ones would be slow.
 */
class ValidateInputBoundsTest {
  private static final Duration QUICKLY = Duration.ofSeconds(20);
  private static final InputLimits SMALL = new InputLimits(1024, 8 * 1024, 5, 3, 20, 16, 200);

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(InputLimits limits, String... args) {
    return assertTimeoutPreemptively(
        QUICKLY,
        () -> {
          var cli = new CommandLine(new ValidateCommand(limits, null));
          cli.setOut(new PrintWriter(out));
          cli.setErr(new PrintWriter(err));
          return cli.execute(args);
        });
  }

  private int run(String... args) {
    return run(InputLimits.DEFAULTS, args);
  }

  private Path provider() throws IOException {
    return Files.copy(Manifests.EXAMPLES.resolve("capacity-provider.yaml"), dir.resolve("cp.yaml"));
  }

  @Test
  void refusesADeviceWithoutReadingIt() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));

    assertThat(run("/dev/zero")).isEqualTo(2);
    assertThat(err.toString()).contains("/dev/zero: not a regular file").doesNotContain("\tat ");
  }

  @Test
  void refusesAFifoWithoutBlockingOnIt() throws Exception {
    var fifo = dir.resolve("pipe.yaml");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);

    assertThat(run(fifo.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(fifo + ": not a regular file");
  }

  @Test
  void refusesASymlinkToADeviceInsideADirectory() throws IOException {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    provider();
    Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));

    assertThat(run(dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("zero.yaml: not a regular file");
  }

  @Test
  void endsADirectoryWalkWithASymlinkLoop() throws IOException {
    provider();
    Files.createSymbolicLink(dir.resolve("loop"), dir);

    assertThat(run("-R", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("loop: symbolic link loop");
  }

  @Test
  void saysThatAnEmptyDirectoryHasNothingToValidate() {
    assertThat(run(dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nothing to validate");
  }

  @Test
  void saysThatADirectoryOfUnreadableEntriesHasNothingToValidate() throws IOException {
    Files.createSymbolicLink(dir.resolve("gone.yaml"), dir.resolve("missing-target.yaml"));

    assertThat(run(dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("gone.yaml").contains("nothing to validate");
  }

  @Test
  void saysThatFilesWithoutLmiObjectsHaveNothingToValidate() throws IOException {
    var file = Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nothing to validate: no lmi.dev object");
  }

  @Test
  void refusesADocumentLargerThanTheApiServerTakes() throws IOException {
    var file = dir.resolve("big.yaml");
    var scalar = "x".repeat(3 * 1024 * 1024);
    Files.writeString(file, "apiVersion: lmi.dev/v1alpha1\nkind: LmiFunction\nspec: " + scalar);

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":1:1: document 1 is larger than 3 MiB");
  }

  @Test
  void stopsAtTheTotalInputLimit() throws IOException {
    provider();
    var filler = "# " + "x".repeat(500) + "\n";
    for (var i = 0; i < 3; i++) {
      Files.writeString(dir.resolve("f" + i + ".yaml"), filler.repeat(6));
    }

    var manyFiles = new InputLimits(1024, 8 * 1024, 5, 10, 20, 16, 200);
    assertThat(run(manyFiles, dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("input exceeds 8 KiB in total");
  }

  @Test
  void stopsAtTheDocumentLimit() throws IOException {
    var file = Files.writeString(dir.resolve("many.yaml"), "---\na: 1\n".repeat(6));

    assertThat(run(SMALL, file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("more than 5 documents");
  }

  @Test
  void stopsAtTheFileLimit() throws IOException {
    for (var i = 0; i < 4; i++) {
      Files.copy(Manifests.EXAMPLES.resolve("capacity-provider.yaml"), dir.resolve(i + ".yaml"));
    }

    assertThat(run(SMALL, dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("more than 3 YAML files");
  }

  @Test
  void stopsAtTheDirectoryEntryLimit() throws IOException {
    for (var i = 0; i < 25; i++) {
      Files.writeString(dir.resolve(i + ".txt"), "");
    }

    assertThat(run(SMALL, "--recursive", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("more than 20 entries");
  }

  @Test
  void refusesBillionLaughs() throws IOException {
    var yaml = new StringBuilder("apiVersion: lmi.dev/v1alpha1\nkind: LmiFunction\nspec:\n");
    yaml.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (var i = 1; i < 10; i++) {
      var ref = "*a" + (i - 1);
      yaml.append(
          "  a%d: &a%d [%s]\n"
              .formatted(i, i, String.join(", ", java.util.Collections.nCopies(10, ref))));
    }
    var file = Files.writeString(dir.resolve("laughs.yaml"), yaml.toString());

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("more than 250000 values once aliases are expanded");
  }

  @Test
  void refusesAnAliasThatContainsItself() throws IOException {
    var file = Files.writeString(dir.resolve("self.yaml"), "a: &x\n  b: *x\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":2:6:").contains("contains itself");
  }

  @Test
  void refusesNestingDeeperThanTheLimit() throws IOException {
    var file = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(100_000));

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nested more than");
  }

  @Test
  void printsJsonEvenWhenTheInputIsUnusable() throws IOException {
    assertThat(run("--output", "json", dir.resolve("missing.yaml").toString())).isEqualTo(2);

    var entries = new ObjectMapper().readTree(out.toString());
    assertThat(entries.isArray()).isTrue();
    assertThat(entries.get(0).get("unusable").asBoolean()).isTrue();
    assertThat(entries.get(0).get("message").asText()).contains("no such file or directory");
  }

  @Test
  void turnsAFatalJvmErrorIntoOneLineAndExitTwo() throws IOException {
    var cli =
        new CommandLine(
            new ValidateCommand(
                InputLimits.DEFAULTS,
                paths -> {
                  throw new OutOfMemoryError("Java heap space");
                }));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("--output", "json", "x.yaml")).isEqualTo(2);
    assertThat(err.toString().lines().filter(l -> l.startsWith("validate:"))).hasSize(1);
    assertThat(err.toString()).contains("out of memory").doesNotContain("\tat ");
    var entries = new ObjectMapper().readTree(out.toString());
    assertThat(entries.get(0).get("message").asText()).contains("out of memory");
  }

  @Test
  void helpShowsOnlyWhatValidateTakesAndTheLimitsItUses() {
    assertThat(run("--help")).isZero();

    var limits = InputLimits.DEFAULTS;
    assertThat(out.toString().replaceAll("\\s+", " "))
        .doesNotContain("--version")
        .contains("--output")
        .contains("Default: text")
        .contains(InputLimits.size(limits.maxDocumentBytes()) + " per document")
        .contains(
            InputLimits.size(limits.maxInputBytes())
                + " and "
                + limits.maxDocuments()
                + " documents")
        .contains(
            limits.maxFiles() + " YAML files and " + limits.maxDirectoryEntries() + " directory")
        .contains("nesting " + limits.maxDepth() + " deep")
        .contains(limits.maxNodes() + " values per document");
  }

  @Test
  void reportsAnUnknownOptionAsJsonWhenJsonIsAsked() throws IOException {
    assertThat(run("--output", "json", "--outptu", "x.yaml")).isEqualTo(2);

    var entries = new ObjectMapper().readTree(out.toString());
    assertThat(entries.get(0).get("message").asText()).contains("unknown option(s) --outptu");
  }
}
