package dev.lmi.devkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The operator process's command line and what /proc says about it. */
class OperatorProcessTest {

  @Test
  void runsTheJarWithTheImageFlagsUnderThePodsLimits() {
    var command =
        OperatorProcess.command(
            Path.of("op.jar"),
            new OperatorProcess.Limits(512, 1),
            Path.of("/tmp/x/gc.log"),
            List.of("--resync-period", "60000ms"),
            4321);

    var java = command.indexOf(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(command.subList(java + 1, java + 6))
        .containsExactly(
            "-XX:MaxRAMPercentage=50",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:MaxRAM=512m",
            "-XX:ActiveProcessorCount=1");
    assertThat(command)
        .contains("-Xlog:gc:file=/tmp/x/gc.log:uptime:filecount=0")
        .containsSubsequence("-jar", "op.jar", "run", "--resync-period", "60000ms")
        .containsSubsequence("--health-port", "4321");
  }

  @Test
  void readsPeakAndCurrentResidentMemoryFromProcStatus() {
    var memory =
        ProcMemory.of(
            """
            Name:\tjava
            VmPeak:\t 3000000 kB
            VmHWM:\t  262144 kB
            VmRSS:\t  131072 kB
            Threads:\t42
            """);

    assertThat(memory.peakMiB()).isEqualTo(256);
    assertThat(memory.nowMiB()).isEqualTo(128);
    assertThat(ProcMemory.of("").peakMiB()).isEqualTo(-1);
  }

  @Test
  void refusesAJarThatIsNotThere() {
    var missing = Path.of("no-such-dir", "lmi-operator.jar");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                OperatorProcess.start(
                    missing,
                    new OperatorProcess.Limits(512, 1),
                    List.of(),
                    Path.of("kubeconfig"),
                    java.net.URI.create("http://127.0.0.1:1"),
                    "eu-west-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lmi-operator.jar does not exist");
  }
}
