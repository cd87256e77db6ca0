package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildJvmTest {
  private final WorkDir work = new WorkDir(Path.of("/tmp/lmi-local-1"));

  @Test
  void theChildKeepsTheJvmOptionsAndArgumentsButGetsItsOwnTempDirectory() {
    var command =
        ChildJvm.command(
            work,
            List.of("-Xmx512m", "-Djava.io.tmpdir=/elsewhere"),
            "lmi-devkit.jar",
            List.of("local", "--once"));

    assertThat(command)
        .contains("-Xmx512m", "-Djava.io.tmpdir=/tmp/lmi-local-1/tmp")
        .doesNotContain("-Djava.io.tmpdir=/elsewhere")
        .containsSubsequence("-cp", "lmi-devkit.jar", "dev.lmi.devkit.Main", "local", "--once")
        .contains("-D" + ChildJvm.WORK_DIR_PROPERTY + "=/tmp/lmi-local-1");
  }

  @Test
  void silencesTheJvmWarningsOnlyWithFlagsTheRunningJavaKnows() {
    assertThat(ChildJvm.quietJvm(21)).containsExactly("--enable-native-access=ALL-UNNAMED");
    assertThat(ChildJvm.quietJvm(25))
        .containsExactly(
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow");
  }
}
