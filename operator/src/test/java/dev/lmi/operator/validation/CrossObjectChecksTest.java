package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.operator.api.Architecture;
import dev.lmi.operator.api.CapacityProviderSpec;
import dev.lmi.operator.api.InstanceRequirementsSpec;
import dev.lmi.operator.api.LmiFunctionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossObjectChecksTest {
  @TempDir Path dir;

  private final ManifestValidator validator =
      new ManifestValidator(new ObjectValidator(), false, false, InputLimits.DEFAULTS);

  @Test
  void aStarAllowsEveryNamespace() {
    assertThat(CrossObjectChecks.namespaceAllowed(provider(null, "*"), "anything")).isTrue();
  }

  @Test
  void aFunctionWithoutNamespaceIsInTheDefaultNamespace() {
    assertThat(CrossObjectChecks.namespaceAllowed(provider(null, "default"), null)).isTrue();
    assertThat(CrossObjectChecks.namespaceAllowed(provider(null, "orders"), null)).isFalse();
  }

  @Test
  void architecturesMatchThroughTheirDefaults() {
    assertThat(CrossObjectChecks.architectureMatches(new LmiFunctionSpec(), provider(null, "*")))
        .isTrue();
    assertThat(
            CrossObjectChecks.architectureMatches(
                new LmiFunctionSpec(), provider(Architecture.ARM64, "*")))
        .isFalse();
  }

  @Test
  void reportsAFunctionWhoseProviderIsNotAmongTheFiles() throws IOException {
    var report =
        validator.validate(List.of(write("fn.yaml", Manifests.example("orders-list.yaml"))));

    assertThat(report.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.capacityProviderRef.name");
              assertThat(p.message()).contains("\"orders-pool\" is not among the validated files");
            });
  }

  @Test
  void reportsAnArchitectureMismatch() throws IOException {
    var function = Manifests.edit(Manifests.example("orders-list.yaml"), "spec.architecture-");

    var problems = validateWithProvider(function);

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.architecture");
              assertThat(p.message())
                  .isEqualTo(
                      "architecture x86_64 does not match CapacityProvider orders-pool (arm64)");
            });
  }

  @Test
  void reportsANamespaceTheProviderDoesNotAllow() throws IOException {
    var function = Manifests.edit(Manifests.example("orders-list.yaml"), "metadata.namespace-");

    var problems = validateWithProvider(function);

    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.namespace()).isEqualTo("default");
              assertThat(p.path()).isEqualTo("metadata.namespace");
              assertThat(p.message()).contains("namespace default may not use CapacityProvider");
            });
  }

  @Test
  void reportsFunctionsThatKeepMoreVersionsThanTheirProviderHolds() throws IOException {
    var functions = new StringBuilder();
    for (var i = 0; i < 3; i++) {
      var function =
          Manifests.edit(
              Manifests.example("orders-list.yaml"),
              "metadata.name=f" + i + ";spec.keepVersions=34");
      functions.append(Manifests.YAML.writeValueAsString(function));
    }
    var file = Files.writeString(dir.resolve("fns.yaml"), functions.toString());
    var provider = write("cp.yaml", Manifests.example("capacity-provider.yaml"));

    var problems = validator.validate(List.of(provider, file)).problems();

    assertThat(problems)
        .hasSize(3)
        .allSatisfy(
            p -> {
              assertThat(p.path()).isEqualTo("spec.keepVersions");
              assertThat(p.message())
                  .contains("keep 102 versions in all on CapacityProvider orders-pool")
                  .contains("at most 100");
            });
  }

  @Test
  void acceptsFunctionsThatKeepExactlyWhatTheirProviderHolds() throws IOException {
    var functions = new StringBuilder();
    for (var i = 0; i < 2; i++) {
      var function =
          Manifests.edit(
              Manifests.example("orders-list.yaml"),
              "metadata.name=f" + i + ";spec.keepVersions=50");
      functions.append(Manifests.YAML.writeValueAsString(function));
    }
    var file = Files.writeString(dir.resolve("fns.yaml"), functions.toString());
    var provider = write("cp.yaml", Manifests.example("capacity-provider.yaml"));

    assertThat(validator.validate(List.of(provider, file)).problems()).isEmpty();
  }

  @Test
  void reportsARoleAndCodeTheProvidersTenancyDoesNotAllow() throws IOException {
    var function =
        Manifests.edit(
            Manifests.example("orders-list.yaml"),
            "spec.roleArn=arn:aws:iam::123456789012:role/admin;"
                + "spec.code.s3.key=payments/handler.jar");

    var problems = validateWithProvider(function);

    assertThat(problems).extracting(Problem::path).containsExactly("spec.roleArn", "spec.code.s3");
    assertThat(problems.get(0).message())
        .isEqualTo(
            "role arn:aws:iam::123456789012:role/admin is not allowed on CapacityProvider"
                + " orders-pool (tenancy.roleArnPatterns:"
                + " arn:aws:iam::123456789012:role/list-orders,"
                + " arn:aws:iam::123456789012:role/similarity-search)");
    assertThat(problems.get(1).message())
        .startsWith(
            "code s3://lmi-artifacts-123456789012/payments/handler.jar is not allowed on"
                + " CapacityProvider orders-pool (tenancy.codePatterns:");
  }

  private List<Problem> validateWithProvider(Object function) throws IOException {
    var files =
        List.of(
            write("cp.yaml", Manifests.example("capacity-provider.yaml")),
            write("fn.yaml", function));
    return validator.validate(files).problems();
  }

  private Path write(String name, Object document) throws IOException {
    var file = dir.resolve(name);
    Files.writeString(file, Manifests.YAML.writeValueAsString(document));
    return file;
  }

  private static CapacityProviderSpec provider(Architecture architecture, String namespace) {
    var spec = new CapacityProviderSpec();
    spec.setAllowedNamespaces(List.of(namespace));
    if (architecture != null) {
      var requirements = new InstanceRequirementsSpec();
      requirements.setArchitecture(architecture);
      spec.setInstanceRequirements(requirements);
    }
    return spec;
  }
}
