package dev.lmi.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.LmiFunctionStatus;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;

class StatusCopiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void statusPatchReplacesTheWholeStatusSoRemovedMembersAreGone() throws Exception {
    var server =
        JSON.readTree(
            "{\"metadata\":{\"name\":\"f\"},\"status\":{\"failedVersion\":\"3\","
                + "\"publishedVersion\":\"3\",\"conditions\":[{\"type\":\"Ready\"},"
                + "{\"type\":\"Other\"}]}}");
    var next = new LmiFunctionStatus();
    next.setPublishedVersion("4");

    var patched = JsonPatch.apply(StatusCopies.replaceStatusPatch(next), server);

    assertThat(patched.at("/status/publishedVersion").asText()).isEqualTo("4");
    assertThat(patched.at("/status").has("failedVersion")).isFalse();
    assertThat(patched.at("/status").has("conditions")).isFalse();
    assertThat(patched.at("/metadata/name").asText()).isEqualTo("f");
  }

  @Test
  void statusPatchCreatesAStatusTheServerDoesNotHaveYet() throws Exception {
    var server = JSON.readTree("{\"metadata\":{\"name\":\"f\"}}");
    var next = new LmiFunctionStatus();
    next.setAwsName("orders-list");

    var patched = JsonPatch.apply(StatusCopies.replaceStatusPatch(next), server);

    assertThat(patched.at("/status/awsName").asText()).isEqualTo("orders-list");
  }
}
