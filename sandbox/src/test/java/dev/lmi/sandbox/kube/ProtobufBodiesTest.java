package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The protobuf bodies kubectl 1.32 sent for create namespace and create secret (from -v=9). */
class ProtobufBodiesTest {
  private static final String NAMESPACE =
      "6b3873000a0f0a0276311209 4e616d65737061636512 1e0a160a067465616d2d621200 1a0022002a00320038004200 12001a020a001a002200";
  private static final String SECRET =
      "6b3873000a0c0a0276311206 5365637265741 22b0a180a0273311200 1a066f72646572732200 2a00320038004200120d 0a027077120768756e74 657232 1a001a002200";

  @Test
  void readsKubectlCreateNamespace() {
    var json = ProtobufBodies.toJson(bytes(NAMESPACE)).orElseThrow();

    assertThat(json.toString())
        .isEqualTo(
            "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"team-b\"}}");
  }

  @Test
  void readsKubectlCreateSecretWithItsDataInBase64() {
    var json = ProtobufBodies.toJson(bytes(SECRET)).orElseThrow();

    assertThat(json.at("/metadata/namespace").asText()).isEqualTo("orders");
    assertThat(json.at("/data/pw").asText()).isEqualTo("aHVudGVyMg==");
  }

  @Test
  void leavesOtherKindsAndBrokenBodiesUnread() {
    var pod = NAMESPACE.replace("4e616d657370616365", "506f64000000000000");

    assertThat(ProtobufBodies.toJson(bytes(pod))).isEmpty();
    assertThat(ProtobufBodies.toJson(bytes("6b387300ff"))).isEmpty();
    assertThat(ProtobufBodies.toJson(new byte[] {1, 2})).isEmpty();
  }

  private static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
