package dev.lmi.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * crds/ holds copies of the CRDs the build generates from the model; they must never drift. Run
 * with {@code -Dlmi.crds.update=true} to rewrite them from the model instead of comparing.
 */
class GeneratedCrdsMatchCommittedCopiesTest {
  private static final Path CRDS = Path.of("..", "crds");
  private static final String REFRESH =
      "./dev test -Dtest=GeneratedCrdsMatchCommittedCopiesTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dlmi.crds.update=true";

  @ParameterizedTest
  @ValueSource(strings = {"capacityproviders.lmi.dev", "lmifunctions.lmi.dev"})
  void theCommittedCrdEqualsTheOneGeneratedFromTheModel(String crd) throws IOException {
    var generated = generated(crd);
    var committed = CRDS.resolve(crd + ".yaml");
    if (Boolean.getBoolean("lmi.crds.update")) {
      Files.createDirectories(CRDS);
      Files.writeString(committed, generated);
      return;
    }
    assertThat(committed).as("crds/%s.yaml is missing; create it with: %s", crd, REFRESH).exists();
    assertThat(Files.readString(committed))
        .as(
            "crds/%s.yaml differs from the CRD generated from the Java model (operator/src/main/java/"
                + "dev/lmi/operator/api). Never edit crds/ by hand: change the model, then refresh"
                + " with: %s",
            crd, REFRESH)
        .isEqualTo(generated);
  }

  @Test
  void crdsHoldsNoStaleFiles() throws IOException {
    try (var files = Files.list(CRDS)) {
      assertThat(files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("capacityproviders.lmi.dev.yaml", "lmifunctions.lmi.dev.yaml");
    }
  }

  private static String generated(String crd) throws IOException {
    var resource = "META-INF/fabric8/" + crd + "-v1.yml";
    try (var in =
        GeneratedCrdsMatchCommittedCopiesTest.class
            .getClassLoader()
            .getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
