package dev.lmi.operator.jar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The deployable carries what `run` and `validate` need and none of the development toolbox, so a
 * scanner on the image sees only what production runs. Reads the built jar, after `package`.
 */
class LeanJarTest {
  /**
   * A guard against regrowth, a size and not a time: 55.0 MB when set, two fifths of it the EC2 SDK
   * (software/amazon/awssdk/services/ec2), whose model the network checks link to whole.
   */
  static final long LIMIT_BYTES = 60_000_000;

  /** Test servers, the local mode's stand-ins and what only they bring. */
  static final List<String> FORBIDDEN =
      List.of(
          "io/fabric8/mockwebserver/",
          "io/fabric8/kubernetes/client/server/mock/",
          "io/vertx/",
          "io/netty/",
          "org/bouncycastle/",
          "org/eclipse/jetty/",
          "com/amazonaws/",
          "com/almworks/sqlite4java/",
          "native-libs/",
          "org/mockito/",
          "org/apache/logging/log4j/core/",
          "software/amazon/awssdk/services/pinpoint/",
          "software/amazon/awssdk/services/dynamodb/",
          "dev/lmi/emulator/",
          "dev/lmi/sandbox/",
          "dev/lmi/devkit/",
          "org/junit/",
          "org/assertj/");

  static Path jar() {
    var path = System.getProperty("lmi.operator.jar");
    assumeTrue(path != null, "checks the built jar: runs in the build's verify phase");
    assertThat(Path.of(path)).as("the shaded jar").isRegularFile();
    return Path.of(path);
  }

  @Test
  void carriesNoTestServerLocalModeOrNativeLibrary() throws IOException {
    try (var zip = new ZipFile(jar().toFile())) {
      var offending =
          zip.stream()
              .map(ZipEntry::getName)
              .filter(n -> FORBIDDEN.stream().anyMatch(n::startsWith) || isNative(n))
              .toList();
      assertThat(offending).as("classes only tests and the devkit need").isEmpty();
    }
  }

  @Test
  void carriesTheOperatorItsCrdsAndItsVersion() throws IOException {
    try (var zip = new ZipFile(jar().toFile())) {
      assertThat(zip.getEntry("dev/lmi/operator/Main.class")).isNotNull();
      assertThat(zip.getEntry("META-INF/fabric8/lmifunctions.lmi.dev-v1.yml")).isNotNull();
      assertThat(zip.getEntry("META-INF/fabric8/capacityproviders.lmi.dev-v1.yml")).isNotNull();
      assertThat(zip.getEntry("dev/lmi/operator/version.properties")).isNotNull();
    }
  }

  @Test
  void staysWithinItsSizeGuard() throws IOException {
    var size = Files.size(jar());
    System.out.printf(
        Locale.ROOT,
        "lmi-operator.jar: %.1f MB (%,d bytes; guard %.0f MB). Largest parts, compressed:%n",
        size / 1e6,
        size,
        LIMIT_BYTES / 1e6);
    largestParts().forEach(line -> System.out.println("  " + line));
    assertThat(size).as("size of %s in bytes", jar()).isLessThanOrEqualTo(LIMIT_BYTES);
  }

  /** The ten largest package groups (three levels deep), so a regrowth names its cause. */
  private static List<String> largestParts() throws IOException {
    var sizes = new TreeMap<String, Long>();
    try (var zip = new ZipFile(jar().toFile())) {
      zip.stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> sizes.merge(group(e.getName()), e.getCompressedSize(), Long::sum));
    }
    var lines = new ArrayList<String>();
    sizes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(
            e ->
                lines.add(
                    String.format(Locale.ROOT, "%6.1f MB  %s", e.getValue() / 1e6, e.getKey())));
    return lines;
  }

  private static String group(String name) {
    var parts = name.split("/");
    if (parts.length == 1) {
      return name;
    }
    var depth = name.startsWith("software/amazon/awssdk/services/") ? 5 : 3;
    return String.join("/", List.of(parts).subList(0, Math.min(depth, parts.length - 1)));
  }

  private static boolean isNative(String name) {
    return name.endsWith(".so")
        || name.endsWith(".dll")
        || name.endsWith(".dylib")
        || name.endsWith(".jnilib");
  }
}
