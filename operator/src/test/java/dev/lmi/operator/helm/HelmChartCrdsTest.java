package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HelmChartCrdsTest {

  @Test
  void chartCrdsAreByteIdenticalToTheGeneratedOnes() throws IOException {
    var root = Chart.repoRoot().resolve("crds");
    var chart = Chart.dir().resolve("crds");
    assertThat(names(chart)).isEqualTo(names(root)).isNotEmpty();
    for (var name : names(root)) {
      assertThat(Files.readAllBytes(chart.resolve(name)))
          .as("helm/lmi-operator/crds/%s differs from crds/%s: copy it again", name, name)
          .isEqualTo(Files.readAllBytes(root.resolve(name)));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
