package dev.lmi.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The committed model resource is what the generator makes from botocore, and Java can use it. */
class AwsModelTest {
  private static final Path GENERATOR = Path.of("tools/gen-shapes.py");
  private static final Path RESOURCE =
      Path.of("src/main/resources/dev/lmi/emulator/model/aws-shapes.json");

  @Test
  void everyPatternInTheModelCompilesAsAJavaRegex() {
    var model = AwsModel.get();
    var broken = new ArrayList<String>();
    for (var service : new String[] {"lambda", "ec2", "sts"}) {
      model
          .shapes(service)
          .fields()
          .forEachRemaining(
              e -> {
                var pattern = e.getValue().path("pattern").asText(null);
                try {
                  if (pattern != null) {
                    model.pattern(pattern);
                  }
                } catch (PatternSyntaxException ex) {
                  broken.add(service + "." + e.getKey() + ": " + ex.getMessage());
                }
              });
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void patternsMatchTheWholeValueAsAwsDoes() {
    var model = AwsModel.get();
    var alias = model.pattern(model.shape("lambda", "Alias").path("pattern").asText());
    var bucket = model.pattern(model.shape("lambda", "S3Bucket").path("pattern").asText());

    assertThat(alias.matcher("live").matches()).isTrue();
    assertThat(alias.matcher("123").matches()).isFalse();
    assertThat(bucket.matcher("my-bucket.v2").matches()).isTrue();
    assertThat(bucket.matcher("ends-with-dot.").matches()).isFalse();
  }

  @Test
  void theCommittedResourceIsWhatTheGeneratorMakesFromTheInstalledBotocore() throws Exception {
    var installed = run("import botocore; print(botocore.__version__)");
    if ("true".equals(System.getenv("CI"))) {
      assertThat(installed).as("python3 with botocore must be importable when CI=true").isNotNull();
    }
    assumeTrue(installed != null, "python3/botocore not installed; cannot regenerate the model");
    assumeTrue(
        installed.strip().equals(AwsModel.get().botocoreVersion()),
        "botocore "
            + installed.strip()
            + " is installed, the resource comes from "
            + AwsModel.get().botocoreVersion()
            + ": run python3 emulator/tools/gen-shapes.py to move to it");

    var generated = generate();

    assertThat(generated).isEqualTo(Files.readString(RESOURCE));
  }

  private static String generate() throws IOException, InterruptedException {
    var p =
        new ProcessBuilder("python3", GENERATOR.toString(), "--stdout")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return out;
  }

  /** What a python3 one-liner prints, or null when python3 or the import is missing. */
  private static String run(String code) {
    try {
      var p = new ProcessBuilder("python3", "-c", code).redirectErrorStream(true).start();
      var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
