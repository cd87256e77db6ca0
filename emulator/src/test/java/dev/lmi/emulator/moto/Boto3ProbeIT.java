package dev.lmi.emulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs src/test/python/probe.py: boto3, with its own checks off, sends a few hundred valid and
 * invalid requests generated from the botocore model; every answer must parse and every invalid
 * request must get AWS's error.
 */
class Boto3ProbeIT {
  @Test
  void boto3FindsNoDifferenceOnTheEmulatedOperations() throws Exception {
    var available = boto3Available();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available).as("python3 with boto3 must be importable when CI=true").isTrue();
    }
    assumeTrue(available, "boto3 is not installed; skipping the probe");
    try (var emulator =
        LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()))) {
      var process =
          new ProcessBuilder("python3", "src/test/python/probe.py", emulator.endpoint().toString())
              .redirectErrorStream(true)
              .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      System.out.println(output);

      assertThat(output).containsPattern("\\d{3} answers as AWS gives them, 0 differences");
      assertThat(process.exitValue()).as(output).isZero();
    }
  }

  private static boolean boto3Available() {
    try {
      var p = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
