package dev.lmi.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionOptionTest {

  @Test
  void versionIsTheOneTheBuildWasGiven() throws Exception {
    var root = Path.of("").toAbsolutePath();
    while (!Files.exists(root.resolve("operator/pom.xml"))) {
      root = root.getParent();
    }
    var m =
        Pattern.compile("(?m)^  <version>([^<]+)</version>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    assertThat(m.find()).isTrue();
    assertThat(ProjectVersion.of(ProjectVersion.class)).isEqualTo(m.group(1));

    var out = new ByteArrayOutputStream();
    var cli = new CommandLine(new Main());
    cli.setOut(new java.io.PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true));
    assertThat(cli.execute("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("lmi-operator " + m.group(1) + "\n")
        .contains("Java " + System.getProperty("java.runtime.version"));
  }
}
