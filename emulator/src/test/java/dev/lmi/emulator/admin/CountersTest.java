package dev.lmi.emulator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountersTest {
  @Test
  void classifiesWritesReadsAndInvokes() {
    var counters = new Counters();
    for (var op :
        new String[] {
          "CreateVpcEndpoint",
          "DeleteVpcEndpoints",
          "PutFunctionScalingConfig",
          "PublishVersion",
          "TagResource",
          "UntagResource",
          "UpdateAlias"
        }) {
      counters.record(op, "ok");
    }
    counters.record("DescribeSubnets", "ok");
    counters.record("GetFunction", "ResourceNotFoundException");
    counters.record("Invoke", "ok");

    assertThat(counters.writes()).isEqualTo(7);
    assertThat(counters.reads()).isEqualTo(2);
    assertThat(counters.invokes()).isEqualTo(1);
    assertThat(counters.snapshot().get("GetFunction"))
        .containsEntry("ResourceNotFoundException", 1L);
  }
}
