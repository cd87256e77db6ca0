package dev.lmi.emulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The committed model resource is what the generator makes from botocore, and Java can use it. */
class AwsModelIT {
  private static final Path GENERATOR = Path.of("tools/gen-shapes.py");
  private static final Path RESOURCE =
      Path.of("src/main/resources/dev/lmi/emulator/model/aws-shapes.json");

  @Test
  void everyPatternInTheModelCompilesAsAJavaRegex() {
    var model = AwsModel.get();
    var broken = new ArrayList<String>();
    for (var service : new String[] {"lambda", "ec2", "sts", "cloudwatch"}) {
      for (var e : model.shapes(service).properties()) {
        var pattern = e.getValue().path("pattern").asText(null);
        try {
          if (pattern != null) {
            model.pattern(pattern);
          }
        } catch (PatternSyntaxException ex) {
          broken.add(service + "." + e.getKey() + ": " + ex.getMessage());
        }
      }
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

  /** Values of the kinds the patterns describe, and near misses, to compare the two engines on. */
  private static final List<String> SAMPLES =
      List.of(
          "",
          "a",
          "Ab",
          "123",
          "has space",
          "tab\there",
          "line\n",
          "-",
          "_",
          ".",
          "$LATEST",
          "$LATEST.PUBLISHED",
          "live",
          "my-function",
          "arn:aws:lambda:us-east-1:123456789012:function:f",
          "arn:aws:lambda:us-east-1:123456789012:function:f:live",
          "123456789012:function:f",
          "arn:aws:lambda:us-east-1:123456789012:layer:deps:3",
          "arn:aws:lambda:us-east-1:123456789012:capacity-provider:cp",
          "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
          "arn:aws:iam::123456789012:role/r",
          "arn:aws:kms:us-east-1:123456789012:key/abc",
          "arn:aws:sqs:us-east-1:123456789012:dlq",
          "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0",
          "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0",
          "/mnt/data",
          "/aws/lambda/f",
          "my-bucket.v2",
          "ends-with-dot.",
          "subnet-0a1a1b2c3d4e5f601",
          "sg-1",
          "vpc-0e1a1b2c3d4e5f601",
          "us-east-1",
          "ALL",
          "é",
          "a:b:c");

  @Test
  void javaAndPythonAgreeOnWhatEveryModelPatternAccepts() throws Exception {
    var model = AwsModel.get();
    var patterns = new java.util.TreeSet<String>();
    for (var service : new String[] {"lambda", "ec2", "sts", "cloudwatch"}) {
      for (var shape : model.shapes(service).properties()) {
        var pattern = shape.getValue().path("pattern").asText(null);
        if (pattern != null) {
          patterns.add(pattern);
        }
      }
    }
    var python = pythonFullMatches(List.copyOf(patterns));
    assumeTrue(python != null, "python3 not installed; cannot compare the regex engines");

    var differences = new ArrayList<String>();
    var i = 0;
    for (var pattern : patterns) {
      var row = python.get(i++);
      for (var j = 0; row.isArray() && j < SAMPLES.size(); j++) {
        var java = model.pattern(pattern).matcher(SAMPLES.get(j)).matches();
        if (java != row.get(j).asBoolean()) {
          differences.add(pattern + " on '" + SAMPLES.get(j) + "': Java " + java);
        }
      }
    }
    assertThat(patterns).hasSizeGreaterThan(20);
    assertThat(differences).isEmpty();
  }

  private static com.fasterxml.jackson.databind.JsonNode pythonFullMatches(List<String> patterns)
      throws IOException, InterruptedException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var input =
        mapper.writeValueAsBytes(java.util.Map.of("patterns", patterns, "samples", SAMPLES));
    Process p;
    try {
      p = new ProcessBuilder("python3", "src/test/python/fullmatch.py").start();
    } catch (IOException e) {
      if ("true".equals(System.getenv("CI"))) {
        throw e;
      }
      return null;
    }
    try (var stdin = p.getOutputStream()) {
      stdin.write(input);
    }
    var out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return mapper.readTree(out);
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
