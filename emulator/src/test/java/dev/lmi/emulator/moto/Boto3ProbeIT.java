package dev.lmi.emulator.moto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs src/test/python/probe.py: boto3, with its own checks off, sends a few hundred valid and
 * invalid requests generated from the botocore model; every answer must parse and every invalid
 * request must get AWS's error.
 */
class Boto3ProbeIT {
  @Test
  void boto3FindsNoDifferenceOnTheEmulatedOperations() throws Exception {
    var output = Boto3Script.run("probe.py");

    assertThat(output).containsPattern("\\d{3} answers as AWS gives them, 0 differences");
  }
}
