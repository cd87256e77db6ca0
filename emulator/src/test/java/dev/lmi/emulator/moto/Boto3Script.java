package dev.lmi.emulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lmi.emulator.EmulatorConfig;
import dev.lmi.emulator.LmiEmulator;
import dev.lmi.emulator.Timings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script of src/test/python against a fresh emulator, given its endpoint: skipped
 * where boto3 is missing, except with CI=true, where a missing boto3 fails the test.
 */
public final class Boto3Script {
  private Boto3Script() {}

  /** The script's output; asserts it ended within two minutes with exit code 0. */
  public static String run(String script) throws Exception {
    var available = boto3Available();
    if ("true".equals(System.getenv("CI"))) {
      assertThat(available).as("python3 with boto3 must be importable when CI=true").isTrue();
    }
    assumeTrue(available, "boto3 is not installed; skipping " + script);
    try (var emulator =
        LmiEmulator.start(EmulatorConfig.defaults().withTimings(Timings.instant()))) {
      var process =
          new ProcessBuilder("python3", "src/test/python/" + script, emulator.endpoint().toString())
              .redirectErrorStream(true)
              .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      System.out.println(output);
      assertThat(process.exitValue()).as(output).isZero();
      return output;
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
