package dev.lmi.emulator.cloudwatch;

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
 * Runs src/test/python/cloudwatch_clients.py: boto3 in each of CloudWatch's three protocols and the
 * AWS CLI v1 put metrics, read them back, trip, page and delete alarms, and meet AWS's errors.
 */
class PythonClientsIT {
  @Test
  void boto3InEveryProtocolAndTheCliReadEveryAnswer() throws Exception {
    var available = boto3Available();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available).as("python3 with boto3 must be importable when CI=true").isTrue();
    }
    assumeTrue(available, "boto3 is not installed; skipping the CloudWatch clients");
    try (var emulator =
        LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()))) {
      var process =
          new ProcessBuilder(
                  "python3",
                  "src/test/python/cloudwatch_clients.py",
                  emulator.endpoint().toString())
              .redirectErrorStream(true)
              .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      System.out.println(output);

      assertThat(output).containsPattern("\\d+ checks passed, 0 failed");
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
