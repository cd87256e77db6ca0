package dev.lmi.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

/** The status fields the issue names are written under exactly those names. */
class StatusShapesTest {

  @Test
  void aFunctionsCapacityUsesTheBindingNames() {
    var capacity = new FunctionCapacityStatus();
    capacity.setvCpuPerEnvironment(2);
    capacity.setvCpuAtMin(6);
    capacity.setvCpuAtMax(20);
    var status = new LmiFunctionStatus();
    status.setCapacity(capacity);

    var json = Serialization.jsonMapper().valueToTree(status);

    assertThat(json.path("capacity").fieldNames())
        .toIterable()
        .containsExactly("vCpuPerEnvironment", "vCpuAtMin", "vCpuAtMax");
    var back = Serialization.unmarshal(json.toString(), LmiFunctionStatus.class);
    assertThat(back.getCapacity().getvCpuAtMin()).isEqualTo(6);
  }

  @Test
  void aProvidersCapacityUsesTheBindingNames() {
    var capacity = new ProviderCapacityStatus();
    capacity.setvCpuAtMin(12);
    capacity.setvCpuAtMax(40);
    capacity.setMaxVCpuCount(100);
    capacity.setWarmVersions(5);
    capacity.setFunctions(3);
    capacity.setSummary("12/40/100");
    var status = new CapacityProviderStatus();
    status.setCapacity(capacity);

    var json = Serialization.jsonMapper().valueToTree(status);

    assertThat(json.path("capacity").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "vCpuAtMin", "vCpuAtMax", "maxVCpuCount", "warmVersions", "functions", "summary");
  }
}
