package dev.lmi.emulator.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.emulator.moto.Boto3Script;
import org.junit.jupiter.api.Test;

/**
 * Runs src/test/python/cloudwatch_clients.py: boto3 in each of CloudWatch's three protocols and the
 * AWS CLI v1 put metrics, read them back, trip, page and delete alarms, and meet AWS's errors.
 */
class PythonClientsIT {
  @Test
  void boto3InEveryProtocolAndTheCliReadEveryAnswer() throws Exception {
    var output = Boto3Script.run("cloudwatch_clients.py");

    assertThat(output).containsPattern("\\d+ checks passed, 0 failed");
  }
}
