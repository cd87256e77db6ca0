package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExamplesAreValidTest {
  private final ManifestValidator validator =
      new ManifestValidator(new ObjectValidator(), true, false, InputLimits.DEFAULTS);

  @Test
  void everyFileInExamplesValidatesWithoutProblems() throws IOException {
    // Each folder is one set applied together (kubectl apply -f <folder>): production and local.
    var production = validator.validate(List.of(Manifests.EXAMPLES));
    var local = validator.validate(List.of(Manifests.EXAMPLES.resolve("local")));

    for (var report : List.of(production, local)) {
      assertThat(report.unusable()).isEmpty();
      assertThat(report.problems()).isEmpty();
      assertThat(report.documents()).isGreaterThanOrEqualTo(report.files());
    }
    assertThat(production.files() + local.files())
        .isEqualTo(yamlFilesUnder(Manifests.EXAMPLES))
        .isGreaterThan(5);
  }

  @Test
  void theLocalManifestsAreSelfContained() {
    var report = validator.validate(List.of(Manifests.EXAMPLES.resolve("local")));

    assertThat(report.unusable()).isEmpty();
    assertThat(report.problems()).isEmpty();
    assertThat(report.documents()).isEqualTo(3);
  }

  @Test
  void theProductionProviderServesBothShippedFunctions() {
    var files =
        List.of("capacity-provider.yaml", "orders-list.yaml", "similarity-search.yaml").stream()
            .map(Manifests.EXAMPLES::resolve)
            .toList();

    var report = validator.validate(files);

    assertThat(report.problems()).isEmpty();
    assertThat(report.documents()).isEqualTo(3);
  }

  private static long yamlFilesUnder(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .count();
    }
  }
}
