package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void selectsTheEventsOfOneObjectAsKubectlDescribeAsksForThem() throws Exception {
    var selector =
        FieldSelector.parse(
            "involvedObject.name=fn,involvedObject.namespace=team,involvedObject.kind=LmiFunction,involvedObject.uid=u1");

    assertThat(selector.matches(event("fn", "team", "LmiFunction", "u1", "Normal"))).isTrue();
    assertThat(selector.matches(event("fn", "team", "LmiFunction", "u2", "Normal"))).isFalse();
    assertThat(selector.matches(event("other", "team", "LmiFunction", "u1", "Normal"))).isFalse();
  }

  @Test
  void anEmptyValueMatchesAMissingFieldLikeTheNamespaceOfAClusterScopedObject() throws Exception {
    var selector = FieldSelector.parse("involvedObject.name=pool,involvedObject.namespace=");

    assertThat(selector.matches(event("pool", null, "CapacityProvider", "u", "Normal"))).isTrue();
    assertThat(selector.matches(event("pool", "team", "LmiFunction", "u", "Normal"))).isFalse();
  }

  @Test
  void supportsDoubleEqualsNotEqualsAndEscapedCommas() throws Exception {
    assertThat(FieldSelector.parse("type!=Normal").matches(event("a", "t", "K", "u", "Warning")))
        .isTrue();
    assertThat(FieldSelector.parse("type==Normal").matches(event("a", "t", "K", "u", "Warning")))
        .isFalse();
    assertThat(
            FieldSelector.parse("involvedObject.name=a\\,b")
                .matches(event("a,b", "t", "K", "u", "Normal")))
        .isTrue();
  }

  @Test
  void refusesFieldsEventsDoNotDeclare() {
    assertThatThrownBy(() -> FieldSelector.parse("spec.memoryMiB=3"))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.response().code()).isEqualTo(400));
  }

  private static JsonNode event(String name, String namespace, String kind, String uid, String type)
      throws Exception {
    var event = M.createObjectNode().put("type", type);
    var involved =
        event.putObject("involvedObject").put("name", name).put("kind", kind).put("uid", uid);
    if (namespace != null) {
      involved.put("namespace", namespace);
    }
    return event;
  }
}
