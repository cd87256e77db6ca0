package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lmi.operator.api.LmiFunction;
import org.junit.jupiter.api.Test;

class ObjectValidatorTest {
  private final ObjectValidator validator = new ObjectValidator();

  @Test
  void appliesSchemaDefaultsBeforeTheRulesAsTheApiServerDoes() {
    var function =
        Manifests.edit(
            Manifests.example("orders-list.yaml"),
            "spec.scaling.minExecutionEnvironments-;spec.scaling.maxExecutionEnvironments=2");

    assertThat(validator.validate(function))
        .containsExactly(
            new Violation(
                "spec.scaling.minExecutionEnvironments",
                "minExecutionEnvironments 3 is more than maxExecutionEnvironments 2"));
  }

  @Test
  void fillsNestedDefaultsOnlyInsideObjectsThatArePresent() {
    var function =
        Manifests.edit(Manifests.example("orders-list.yaml"), "spec.scaling-;spec.alias={}");

    var defaulted = validator.withDefaults(function);

    assertThat(defaulted.at("/spec/alias/name").asText()).isEqualTo("live");
    assertThat(defaulted.at("/spec/scaling").isMissingNode()).isTrue();
    assertThat(defaulted.at("/spec/deletionPolicy").asText()).isEqualTo("Delete");
  }

  @Test
  void dropsNullsOfNonNullableFieldsAsTheApiServerDoes() {
    var function =
        Manifests.edit(
            Manifests.example("orders-list.yaml"),
            "spec.code.imageUri=null;spec.timeoutSeconds=null");

    assertThat(validator.validate(function)).isEmpty();
    assertThat(validator.withDefaults(function).at("/spec/timeoutSeconds").asInt()).isEqualTo(30);
  }

  @Test
  void validatesTypedResourcesForTheReconciler() throws Exception {
    var json = new ObjectMapper();
    var function =
        json.treeToValue(
            Manifests.edit(Manifests.example("orders-list.yaml"), "spec.memoryMiB=3072"),
            LmiFunction.class);

    assertThat(validator.validateResource(function, null))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                "spec.memoryMiB",
                "memoryMiB 3072 is not a multiple of 2048 (memoryGiBPerVCpu 2 × 1024)"));
  }

  @Test
  void reportsAMissingNameAndAnInvalidNamespace() {
    var function =
        Manifests.edit(
            Manifests.example("orders-list.yaml"), "metadata.name-;metadata.namespace=Orders");

    assertThat(validator.validate(function))
        .extracting(Violation::path)
        .containsExactly("metadata.name", "metadata.namespace");
  }

  @Test
  void quotesALongValueBackOnlyInPart() {
    var function =
        Manifests.edit(
            Manifests.example("orders-list.yaml"), "spec.handler=" + "h".repeat(100_000));

    var violation = validator.validate(function).get(0);

    assertThat(violation.path()).isEqualTo("spec.handler");
    assertThat(violation.message()).contains("(100000 characters)").hasSizeLessThan(300);
  }

  @Test
  void neverQuotesAnEnvironmentValueBack() {
    var secret = "s3cr3t-" + "x".repeat(5000);
    var function =
        Manifests.edit(Manifests.example("orders-list.yaml"), "spec.environment.TOKEN=" + secret);

    var violations = validator.validate(function);

    assertThat(violations).isNotEmpty().noneMatch(v -> v.message().contains("s3cr3t"));
    assertThat(violations).anyMatch(v -> v.path().equals("spec.environment.TOKEN"));
  }
}
