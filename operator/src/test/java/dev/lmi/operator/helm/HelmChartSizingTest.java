package dev.lmi.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The chart's README states the resources the chart renders, and the heap they give the JVM. */
class HelmChartSizingTest {

  @Test
  void readmeStatesTheResourcesTheChartRendersByDefault() throws IOException {
    var resources = Chart.render("").container().path("resources");
    var requests = resources.path("requests");
    var limits = resources.path("limits");
    var readme = Files.readString(Chart.dir().resolve("README.md"));

    assertThat(readme)
        .contains(
            "| `resources` | %s/%s requests, %s/%s limits |"
                .formatted(
                    requests.path("cpu").asText(),
                    requests.path("memory").asText(),
                    limits.path("cpu").asText(),
                    limits.path("memory").asText()));
  }

  @Test
  void sizingSectionNamesTheHeapTheImageGivesAtTheDefaultLimit() throws IOException {
    var limit = Chart.render("").container().path("resources").path("limits").path("memory");
    var mebibytes = Integer.parseInt(limit.asText().replace("Mi", ""));
    var dockerfile = Files.readString(Chart.repoRoot().resolve("operator/Dockerfile"));
    var percentage = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(dockerfile);
    assertThat(percentage.find()).isTrue();
    var heap = mebibytes * Integer.parseInt(percentage.group(1)) / 100;
    var readme = Files.readString(Chart.dir().resolve("README.md"));
    var sizing = readme.substring(readme.indexOf("## Sizing"));

    assertThat(sizing)
        .contains("`-XX:MaxRAMPercentage=" + percentage.group(1) + "`")
        .contains("%s limit gives the heap %d MiB".formatted(limit.asText(), heap));
  }
}
