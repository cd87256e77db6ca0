package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class RatchetTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Admission.Cause MEMORY =
      new Admission.Cause("FieldValueInvalid", "spec.memoryMiB", "Invalid value: 3000: x");
  private static final Admission.Cause NOT_CHECKED =
      new Admission.Cause("FieldValueInvalid", "<nil>", "Invalid value: \"null\": some rules");

  @Test
  void anUpdateThatLeavesTheSpecAloneIsNotRefusedForIt() throws Exception {
    var stored = json("{'metadata':{'name':'x'},'spec':{'memoryMiB':3000}}");
    var finalizerRemoved =
        json("{'metadata':{'name':'x','finalizers':[]},'spec':{'memoryMiB':3000}}");

    assertThat(Ratchet.changedOnly(List.of(MEMORY, NOT_CHECKED), stored, finalizerRemoved))
        .isEmpty();
  }

  @Test
  void anUpdateOfTheSpecIsRefusedForEveryErrorInIt() throws Exception {
    var stored = json("{'spec':{'memoryMiB':3000,'memoryGiBPerVCpu':2}}");
    var changed = json("{'spec':{'memoryMiB':3000,'memoryGiBPerVCpu':4}}");

    assertThat(Ratchet.changedOnly(List.of(MEMORY, NOT_CHECKED), stored, changed))
        .containsExactly(MEMORY, NOT_CHECKED);
  }

  @Test
  void metadataIsComparedFieldByField() throws Exception {
    var name = new Admission.Cause("FieldValueInvalid", "metadata.name", "Invalid value");
    var stored = json("{'metadata':{'name':'X','labels':{}}}");
    var relabelled = json("{'metadata':{'name':'X','labels':{'a':'b'}}}");

    assertThat(Ratchet.changedOnly(List.of(name), stored, relabelled)).isEmpty();
  }

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }
}
