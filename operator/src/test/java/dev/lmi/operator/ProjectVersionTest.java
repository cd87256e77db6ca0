package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --version names the version the build stamped, not one written into the code. */
class ProjectVersionTest {

  @Test
  void versionIsTheProjectVersionOfThisBuild() {
    var out = new ByteArrayOutputStream();
    var exit =
        new CommandLine(new Main())
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .execute("--version");
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse(""))
        .isEqualTo("lmi-operator " + System.getProperty("lmi.project.version"))
        .doesNotEndWith("unknown");
  }

  @Test
  void aClassWithoutAStampedVersionSaysUnknown() {
    assertThat(ProjectVersion.of(String.class)).isEqualTo("unknown");
  }
}
