package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfile (for users with Docker) and the chart describe the image Jib builds. */
class ImageSpecTest {

  @Test
  void dockerfileBuildsTheSameImageAsTheReleaseBuild() throws Exception {
    var dockerfile = Files.readString(Repo.root().resolve("operator/Dockerfile"));
    assertThat(instruction(dockerfile, "FROM")).isEqualTo(ImageSpec.RELEASE_BASE);
    assertThat(jsonArray(instruction(dockerfile, "ENTRYPOINT"))).isEqualTo(ImageSpec.ENTRYPOINT);
    assertThat(jsonArray(instruction(dockerfile, "CMD"))).isEqualTo(ImageSpec.CMD);
    assertThat(instruction(dockerfile, "USER")).isEqualTo(ImageSpec.USER);
    assertThat(instruction(dockerfile, "WORKDIR")).isEqualTo(ImageSpec.WORKDIR);
    assertThat(Arrays.stream(instruction(dockerfile, "EXPOSE").split(" ")).map(Integer::valueOf))
        .containsExactlyElementsOf(ImageSpec.PORTS);
    assertThat(dockerfile).contains("target/lmi-operator.jar " + ImageSpec.JAR);
    for (var label : List.of("title", "description", "licenses", "source")) {
      var key = "org.opencontainers.image." + label;
      var value = ImageSpec.labels("v", "r", java.time.Instant.EPOCH, "b").get(key);
      assertThat(dockerfile).contains(key + "=\"" + value + "\"");
    }
  }

  @Test
  void benchMeasuresTheOperatorWithTheImagesJvmFlags() throws Exception {
    var source =
        Files.readString(
            Repo.root().resolve("devkit/src/main/java/dev/lmi/devkit/bench/OperatorProcess.java"));
    var m = Pattern.compile("IMAGE_JVM_FLAGS =\\s*List\\.of\\(([^)]*)\\)").matcher(source);
    assertThat(m.find()).as("IMAGE_JVM_FLAGS in the bench's OperatorProcess").isTrue();
    var flags = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1)).results().map(r -> r.group(1));
    assertThat(flags.toList()).isEqualTo(ImageSpec.JVM_FLAGS);
  }

  @Test
  void chartPullsTheRepositoryTheReleasePushesTo() throws Exception {
    var values =
        new ObjectMapper(new YAMLFactory())
            .readTree(Repo.root().resolve("helm/lmi-operator/values.yaml").toFile());
    assertThat(values.path("image").path("repository").asText()).isEqualTo(ImageSpec.REPOSITORY);
  }

  private static String instruction(String dockerfile, String name) {
    var m = Pattern.compile("(?m)^" + name + " +(.+?)\\s*$").matcher(dockerfile);
    assertThat(m.find()).as("%s in the Dockerfile", name).isTrue();
    var value = m.group(1);
    assertThat(m.find()).as("one %s in the Dockerfile", name).isFalse();
    return value;
  }

  private static List<String> jsonArray(String text) throws Exception {
    return Arrays.asList(new ObjectMapper().readValue(text, String[].class));
  }
}
