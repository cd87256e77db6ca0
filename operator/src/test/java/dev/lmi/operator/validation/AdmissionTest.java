package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Admission as the API server reports it: same rules as validate, the API server's words. */
class AdmissionTest {
  private final ObjectValidator validator = new ObjectValidator();
  private final ObjectNode function = Manifests.example("orders-list.yaml");
  private final ObjectNode provider = Manifests.example("capacity-provider.yaml");

  @Test
  void admitsTheExamplesWithTheirDefaultsFilledIn() {
    var admitted = admit(Manifests.edit(function, "spec.timeoutSeconds-"), null);

    assertThat(admitted.errors()).isEmpty();
    assertThat(admitted.pruned()).isEmpty();
    assertThat(admitted.object().at("/spec/timeoutSeconds").asInt()).isEqualTo(30);
    assertThat(admit(provider, null).errors()).isEmpty();
  }

  @Test
  void reportsABrokenCelRuleAtItsFieldWithTheValueTyped() {
    var errors = admit(Manifests.edit(function, "spec.memoryMiB=3000"), null).errors();

    assertThat(lines(errors))
        .containsExactly(
            "spec.memoryMiB: Invalid value: 3000: memoryMiB 3000 is not a multiple of 2048"
                + " (memoryGiBPerVCpu 2 × 1024)");
    assertThat(errors.get(0).type()).isEqualTo("FieldValueInvalid");
  }

  @Test
  void wordsSchemaBoundsAsKubeOpenApiDoes() {
    var errors = admit(Manifests.edit(function, "spec.timeoutSeconds=0"), null).errors();

    assertThat(lines(errors))
        .containsExactly(
            "spec.timeoutSeconds: Invalid value: 0: spec.timeoutSeconds in body should be greater"
                + " than or equal to 1");
  }

  @Test
  void aWrongTypeBlocksTheRulesAsTheApiServerDoes() {
    var errors = admit(Manifests.edit(function, "spec.memoryMiB=lots"), null).errors();

    assertThat(errors)
        .extracting(AdmissionError::type, AdmissionError::field)
        .containsExactly(
            tuple("FieldValueTypeInvalid", "spec.memoryMiB"), tuple("FieldValueInvalid", "<nil>"));
    assertThat(errors.get(0).body())
        .isEqualTo(
            "Invalid value: \"string\": spec.memoryMiB in body must be of type integer:"
                + " \"string\"");
    assertThat(errors.get(1).body())
        .isEqualTo(
            "Invalid value: \"null\": some validation rules were not checked because the object"
                + " was invalid; correct the existing errors to complete validation");
  }

  @Test
  void listsTheSupportedValuesOfAnEnum() {
    var errors = admit(Manifests.edit(function, "spec.architecture=sparc"), null).errors();

    assertThat(errors.get(0).type()).isEqualTo("FieldValueNotSupported");
    assertThat(errors.get(0).toString())
        .isEqualTo(
            "spec.architecture: Unsupported value: \"sparc\": supported values: \"arm64\","
                + " \"x86_64\"");
  }

  @Test
  void aMissingRequiredFieldIsARequiredValue() {
    var errors = admit(Manifests.edit(function, "spec.roleArn-"), null).errors();

    assertThat(lines(errors)).startsWith("spec.roleArn: Required value");
  }

  @Test
  void prunesUndeclaredFieldsAndReportsTheirPaths() {
    var admitted =
        admit(
            Manifests.edit(function, "spec.foo=bar;spec.scaling.extra=1;metadata.color=red"), null);

    assertThat(admitted.errors()).isEmpty();
    assertThat(admitted.pruned())
        .containsExactly("metadata.color", "spec.scaling.extra", "spec.foo");
    assertThat(admitted.object().at("/spec/foo").isMissingNode()).isTrue();
    assertThat(admitted.object().at("/metadata/color").isMissingNode()).isTrue();
  }

  @Test
  void aTransitionRuleWithAReasonIsForbidden() {
    var stored = Manifests.edit(provider, "spec.awsName=orders-pool");
    var errors = admit(Manifests.edit(stored, "spec.awsName=other-pool"), stored).errors();

    assertThat(lines(errors))
        .containsExactly(
            "spec.awsName: Forbidden: awsName is immutable: it names the provider in AWS");
    assertThat(errors.get(0).type()).isEqualTo("FieldValueForbidden");
  }

  @Test
  void checksTheNameAsTheApiServerChecksObjectMeta() {
    var errors = admit(Manifests.edit(function, "metadata.name=Orders_List"), null).errors();

    assertThat(lines(errors).get(0))
        .startsWith(
            "metadata.name: Invalid value: \"Orders_List\": a lowercase RFC 1123 subdomain");
  }

  @Test
  void leavesKindsItDoesNotServeToOthers() {
    var configMap = Manifests.edit(function, "apiVersion=v1;kind=ConfigMap");

    assertThat(validator.admit(configMap, null)).isEmpty();
  }

  private ObjectValidator.Admitted admit(JsonNode object, JsonNode old) {
    return validator.admit(object, old).orElseThrow();
  }

  private static List<String> lines(List<AdmissionError> errors) {
    return errors.stream().map(AdmissionError::toString).toList();
  }
}
