package dev.lmi.release;

import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The operator image, whatever its base: one definition that the Jib build uses and that the tests
 * hold operator/Dockerfile and the chart's security context to.
 */
public final class ImageSpec {
  public static final String REPOSITORY = "ghcr.io/lmi-dev/lmi-operator";
  public static final String SOURCE = "https://github.com/lmi-dev/lmi-operator";

  /**
   * The release base: Eclipse Temurin's Java 21 JRE on Ubuntu Noble, published for amd64 and arm64.
   * A tag moves: the release workflow resolves it to a digest (crane digest) and builds from {@code
   * eclipse-temurin:21-jre-noble@sha256:...}, which the labels and the SBOM then record.
   */
  public static final String RELEASE_BASE = "eclipse-temurin:21-jre-noble";

  public static final List<String> RELEASE_PLATFORMS = List.of("linux/amd64", "linux/arm64");
  public static final String JAR = "/app/lmi-operator.jar";

  /** Why these flags: see operator/Dockerfile. */
  public static final List<String> JVM_FLAGS =
      List.of("-XX:MaxRAMPercentage=50", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  public static final List<String> ENTRYPOINT =
      Stream.of(Stream.of("java"), JVM_FLAGS.stream(), Stream.of("-jar", JAR))
          .flatMap(s -> s)
          .toList();
  public static final List<String> CMD = List.of("run");

  /** The chart's runAsUser and runAsGroup; the JVM only writes to /tmp. */
  public static final String USER = "65532:65532";

  public static final String WORKDIR = "/app";
  public static final List<Integer> PORTS = List.of(8080, 8081);

  private ImageSpec() {}

  /** The image's whole definition on a base: one layer with the jar, and the container config. */
  static JibContainerBuilder apply(
      JibContainerBuilder base, Path jar, Map<String, String> labels, Instant created)
      throws java.io.IOException {
    var layer =
        FileEntriesLayer.builder()
            .setName("operator")
            .addEntry(
                jar, AbsoluteUnixPath.get(JAR), FilePermissions.fromOctalString("444"), created)
            .build();
    var ports = new LinkedHashSet<Port>();
    PORTS.forEach(p -> ports.add(Port.tcp(p)));
    return base.setFileEntriesLayers(layer)
        .setEntrypoint(ENTRYPOINT)
        .setProgramArguments(CMD)
        .setUser(USER)
        .setWorkingDirectory(AbsoluteUnixPath.get(WORKDIR))
        .setExposedPorts(ports)
        .setLabels(labels)
        .setCreationTime(created)
        .setFormat(ImageFormat.OCI);
  }

  /** The OCI labels, reproducible: the creation time is the commit's, not the build's. */
  public static Map<String, String> labels(
      String version, String revision, Instant created, String base) {
    var labels = new LinkedHashMap<String, String>();
    var prefix = "org.opencontainers.image.";
    labels.put(prefix + "title", "lmi-operator");
    labels.put(prefix + "description", "Kubernetes operator for AWS Lambda Managed Instances");
    labels.put(prefix + "licenses", "Apache-2.0");
    labels.put(prefix + "source", SOURCE);
    labels.put(prefix + "url", SOURCE);
    labels.put(prefix + "version", version);
    labels.put(prefix + "revision", revision);
    labels.put(prefix + "created", created.toString());
    labels.put(prefix + "base.name", base);
    return labels;
  }
}
