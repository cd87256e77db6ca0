package dev.lmi.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private static EmulatorConfig parse(String... args) {
    var main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  @Test
  void defaultsToPort4566WithFastTimings() {
    var config = parse();

    assertThat(config.port()).isEqualTo(4566);
    assertThat(config.region()).isEqualTo("us-east-1");
    assertThat(config.accountId()).isEqualTo("123456789012");
    assertThat(config.timings()).isEqualTo(Timings.fast());
    assertThat(config.fixturesFile()).isNull();
    assertThat(config.codeDir()).isNull();
    assertThat(config.allowedOrigins()).isEmpty();
    assertThat(config.allowedHosts()).isEmpty();
    assertThat(config.capacityLimits()).isTrue();
  }

  @Test
  void bindsToLoopbackUnlessToldOtherwise() {
    var main = new Main();
    new CommandLine(main).parseArgs();

    assertThat(main.host).isEqualTo("127.0.0.1");
  }

  @Test
  void readsEveryOption() {
    var config =
        parse(
            "--port",
            "0",
            "--region",
            "eu-west-1",
            "--account-id",
            "111122223333",
            "--fixtures",
            "f.yaml",
            "--code-dir",
            "code",
            "--delay-ms",
            "5",
            "--no-rate-limit",
            "--allowed-origin",
            "http://localhost:3000",
            "--allowed-host",
            "emulator",
            "--allowed-host",
            "host.docker.internal",
            "--no-capacity-limits");

    assertThat(config.port()).isZero();
    assertThat(config.region()).isEqualTo("eu-west-1");
    assertThat(config.accountId()).isEqualTo("111122223333");
    assertThat(config.fixturesFile()).isEqualTo(Path.of("f.yaml"));
    assertThat(config.codeDir()).isEqualTo(Path.of("code"));
    assertThat(config.timings().functionUpdate()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.timings().providerWriteRateLimit()).isFalse();
    assertThat(config.allowedOrigins()).containsExactly("http://localhost:3000");
    assertThat(config.allowedHosts()).containsExactly("emulator", "host.docker.internal");
    assertThat(config.capacityLimits()).isFalse();
  }
}
