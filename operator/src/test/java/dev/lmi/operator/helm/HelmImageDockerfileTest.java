package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The image the chart runs (no Docker engine here, so the Dockerfile is checked as text). */
class HelmImageDockerfileTest {

  @Test
  void runsTheShadedJarOnAJava21JreAsTheChartsNonRootUser() throws IOException {
    var dockerfile = Files.readString(Chart.repoRoot().resolve("operator/Dockerfile"));
    assertThat(dockerfile)
        .containsPattern("(?m)^FROM eclipse-temurin:21-jre")
        .contains("target/lmi-operator.jar /app/lmi-operator.jar")
        .contains(
            "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=50\", \"-XX:TieredStopAtLevel=1\","
                + " \"-XX:+UseSerialGC\", \"-jar\", \"/app/lmi-operator.jar\"]");
    var securityContext =
        Chart.render("")
            .one("Deployment")
            .path("spec")
            .path("template")
            .path("spec")
            .path("securityContext");
    var uid = securityContext.path("runAsUser").asText();
    assertThat(dockerfile)
        .containsPattern("(?m)^USER " + uid + ":" + securityContext.path("runAsGroup").asText());
    assertThat(uid).isNotEqualTo("0");
  }
}
