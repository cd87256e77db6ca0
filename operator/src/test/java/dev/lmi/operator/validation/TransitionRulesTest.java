package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class TransitionRulesTest {
  private final ObjectValidator validator = new ObjectValidator();
  private final ObjectNode provider =
      Manifests.edit(Manifests.example("capacity-provider.yaml"), "spec.awsName=orders-pool");
  private final ObjectNode function =
      Manifests.edit(Manifests.example("orders-list.yaml"), "spec.awsName=orders-list-orders");

  @Test
  void anUnchangedProviderPassesTheImmutabilityRules() {
    var update = Manifests.edit(provider, "spec.scaling.maxVCpuCount=128");

    assertThat(validator.validate(update, provider)).isEmpty();
  }

  @Test
  void rejectsChangingTheProvidersAwsName() {
    var update = Manifests.edit(provider, "spec.awsName=orders-pool-2");

    assertThat(validator.validate(update, provider))
        .containsExactly(
            new Violation("spec.awsName", "awsName is immutable: it names the provider in AWS"));
  }

  @Test
  void rejectsAddingAnAwsNameToAProviderCreatedWithout() {
    var old = Manifests.edit(provider, "spec.awsName-");

    assertThat(validator.validate(provider, old))
        .extracting(Violation::path)
        .contains("spec.awsName");
  }

  @Test
  void rejectsChangingTheProvidersRegion() {
    var update = Manifests.edit(provider, "spec.region=eu-west-1");

    assertThat(validator.validate(update, provider))
        .extracting(Violation::path, Violation::message)
        .containsExactly(
            tuple(
                "spec.region",
                "region is immutable: create a new CapacityProvider in the other region"));
  }

  @Test
  void rejectsChangingTheFunctionsAwsName() {
    var update = Manifests.edit(function, "spec.awsName=orders-list-orders-2");

    assertThat(validator.validate(update, function))
        .extracting(Violation::path)
        .containsExactly("spec.awsName");
  }

  @Test
  void allowsChangingMutableFunctionSettings() {
    var update =
        Manifests.edit(function, "spec.memoryMiB=4096;spec.scaling.maxExecutionEnvironments=8");

    assertThat(validator.validate(update, function)).isEmpty();
  }

  @Test
  void transitionRulesDoNotApplyOnCreate() {
    assertThat(validator.validate(Manifests.edit(provider, "spec.awsName=other"))).isEmpty();
  }
}
