package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One version: the Maven project's. The chart, the image tag and --version follow it. */
class ReleaseVersionTest {

  @Test
  void everyModuleAndTheChartCarryTheProjectVersion() throws Exception {
    var root = Repo.root();
    var version =
        first("(?m)^  <version>([^<]+)</version>", Files.readString(root.resolve("pom.xml")));
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    var modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(root.resolve("pom.xml")));
    var count = 0;
    while (modules.find()) {
      var pom = Files.readString(root.resolve(modules.group(1)).resolve("pom.xml"));
      assertThat(first("(?s)<parent>.*?<version>([^<]+)</version>", pom))
          .as(modules.group(1))
          .isEqualTo(version);
      count++;
    }
    assertThat(count).isGreaterThanOrEqualTo(4);
    var chart = Files.readString(root.resolve("helm/lmi-operator/Chart.yaml"));
    var release = version.replace("-SNAPSHOT", "");
    assertThat(first("(?m)^version: *(\\S+)", chart)).isEqualTo(release);
    assertThat(first("(?m)^appVersion: *\"?([^\"\\s]+)", chart)).isEqualTo(release);
    assertThat(Stream.of(Files.readString(root.resolve("CHANGELOG.md")).split("\n")))
        .anyMatch(line -> line.startsWith("## [" + release + "]"));
  }

  private static String first(String regex, String text) {
    var m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("%s", regex).isTrue();
    return m.group(1);
  }
}
