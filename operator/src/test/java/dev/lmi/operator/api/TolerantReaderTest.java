package dev.lmi.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TolerantReaderTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final KubernetesSerialization K8S = new KubernetesSerialization();

  private static ObjectNode spec(String json) throws Exception {
    return (ObjectNode) M.readTree(json.replace('\'', '"'));
  }

  @Test
  void bindsAValidSpecWithNoIssues() throws Exception {
    var bound =
        TolerantReader.bind(
            spec("{'memoryMiB':2048,'runtime':'java21','layers':['a']}"),
            LmiFunctionSpec.class,
            "spec");
    assertThat(bound.value().getMemoryMiB()).isEqualTo(2048);
    assertThat(bound.value().getRuntime()).isEqualTo(LmiRuntime.JAVA21);
    assertThat(bound.unknown()).isEmpty();
    assertThat(bound.invalid()).isEmpty();
  }

  @Test
  void skipsAndNamesFieldsItDoesNotKnowAtAnyDepth() throws Exception {
    var bound =
        TolerantReader.bind(
            spec("{'memoryMiB':2048,'novel':{'x':1},'alias':{'name':'live','weights':[1]}}"),
            LmiFunctionSpec.class,
            "spec");
    assertThat(bound.value().getMemoryMiB()).isEqualTo(2048);
    assertThat(bound.value().getAlias().getName()).isEqualTo("live");
    assertThat(bound.unknown()).containsExactly("spec.novel", "spec.alias.weights");
    assertThat(bound.invalid()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{'memoryMiB':'lots'}|spec.memoryMiB: \"lots\" is not an integer",
        "{'memoryMiB':2048.5}|spec.memoryMiB: 2048.5 is not an integer",
        "{'runtime':'python3.9'}|spec.runtime: \"python3.9\" is not a value this version",
        "{'runtime':0}|spec.runtime: 0 is not a value this version",
        "{'layers':'x'}|spec.layers: \"x\" is not a list",
        "{'scaling':'big'}|spec.scaling: \"big\" is not an object",
        "{'environment':[1]}|spec.environment: [1] is not a map",
        "{'alias':{'name':{'a':1}}}|spec.alias.name: {\"a\":1} is not a string",
        "{'code':{'s3':{'bucket':['b']}}}|spec.code.s3.bucket: [\"b\"] is not a string"
      })
  void namesAFieldItCannotReadAndBindsTheRest(String json, String problem) throws Exception {
    var node = spec(json);
    node.put("handler", "h::handle");
    var bound = TolerantReader.bind(node, LmiFunctionSpec.class, "spec");
    assertThat(bound.invalid()).hasSize(1);
    assertThat(bound.invalid().get(0)).startsWith(problem);
    assertThat(bound.value().getHandler()).isEqualTo("h::handle");
  }

  @Test
  void namesEveryBadFieldOnce() throws Exception {
    var bound =
        TolerantReader.bind(
            spec("{'memoryMiB':'a','timeoutSeconds':'b','runtime':'c','handler':'h'}"),
            LmiFunctionSpec.class,
            "spec");
    assertThat(bound.invalid())
        .hasSize(3)
        .anyMatch(p -> p.startsWith("spec.memoryMiB"))
        .anyMatch(p -> p.startsWith("spec.timeoutSeconds"))
        .anyMatch(p -> p.startsWith("spec.runtime"));
    assertThat(bound.value().getHandler()).isEqualTo("h");
  }

  @Test
  void aSpecThatIsNotAnObjectBindsNothingAndSaysSo() throws Exception {
    var bound = TolerantReader.bind(M.readTree("\"everything\""), LmiFunctionSpec.class, "spec");
    assertThat(bound.value()).isNull();
    assertThat(bound.invalid()).singleElement().asString().startsWith("spec: ");
  }

  @Test
  void readsAWholeObjectThroughTheClientsSerializationWithoutThrowing() {
    var json =
        """
        {"apiVersion":"lmi.dev/v1alpha1","kind":"LmiFunction",
         "metadata":{"name":"f","namespace":"orders","uid":"u-1","generation":3},
         "spec":{"memoryMiB":"lots","handler":"h","future":true},
         "status":{"awsName":"orders-f","versions":"1,2","fromTheFuture":{"a":1}},
         "extra":1}
        """;
    var fn = K8S.unmarshal(json, LmiFunction.class);
    assertThat(fn.getMetadata().getUid()).isEqualTo("u-1");
    assertThat(fn.getSpec().getHandler()).isEqualTo("h");
    assertThat(fn.getStatus().getAwsName()).isEqualTo("orders-f");
    assertThat(fn.getStatus().getVersions()).isNull();
    assertThat(fn.readIssues().unknownFields()).containsExactly("extra", "spec.future");
    assertThat(fn.readIssues().unreadable("spec.memoryMiB")).isTrue();
    assertThat(fn.readIssues().unreadable("spec.handler")).isFalse();
  }

  @Test
  void aValidObjectCarriesNoIssuesThroughACopy() {
    var fn = new LmiFunction();
    fn.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMeta());
    fn.getMetadata().setName("f");
    fn.setSpec(new LmiFunctionSpec());
    fn.getSpec().setMemoryMiB(4096);
    var copy = K8S.clone(fn);
    assertThat(copy.getSpec().getMemoryMiB()).isEqualTo(4096);
    assertThat(copy.readIssues()).isEqualTo(ReadIssues.NONE);
  }

  @Test
  void aRolloutFieldThisVersionDoesNotKnowMakesTheSpecInvalidRatherThanSkipped() {
    var json =
        """
        {"apiVersion":"lmi.dev/v1alpha1","kind":"LmiFunction",
         "metadata":{"name":"f","namespace":"orders"},
         "spec":{"handler":"h","rollout":{"strategy":"Canary","analysis":{"maxLatencyMs":300}}}}
        """;
    var fn = K8S.unmarshal(json, LmiFunction.class);
    assertThat(fn.getSpec().getRollout().getStrategy()).isEqualTo(RolloutStrategy.Canary);
    assertThat(fn.readIssues().invalid()).isTrue();
    assertThat(fn.readIssues().invalidFields())
        .singleElement()
        .asString()
        .startsWith("spec.rollout.analysis.maxLatencyMs: not known to this version");
  }

  @Test
  void aRolloutPhaseFromANewerOperatorIsLeftOutOfTheStatusNotFatal() {
    var json =
        """
        {"apiVersion":"lmi.dev/v1alpha1","kind":"LmiFunction",
         "metadata":{"name":"f","namespace":"orders"},
         "spec":{"handler":"h"},
         "status":{"aliasVersion":"3","rollout":{"phase":"Paused","stableVersion":"3","step":2}}}
        """;
    var fn = K8S.unmarshal(json, LmiFunction.class);
    assertThat(fn.getStatus().getAliasVersion()).isEqualTo("3");
    assertThat(fn.getStatus().getRollout().getPhase()).isNull();
    assertThat(fn.getStatus().getRollout().getStep()).isEqualTo(2);
    assertThat(fn.readIssues().invalid()).isFalse();
  }
}
