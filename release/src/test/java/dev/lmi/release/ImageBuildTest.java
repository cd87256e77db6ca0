package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Builds a real image archive with Jib from a small local base: offline, no Docker engine. */
class ImageBuildTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant COMMIT_TIME = Instant.parse("2026-03-04T05:06:07Z");

  @TempDir Path dir;

  @Test
  void writesAnOciArchiveOfTheJarOnTheBaseAsTheChartRunsIt() throws Exception {
    var image = build("one.tar");
    var config = image.config.path("config");
    assertThat(texts(config.path("Entrypoint"))).isEqualTo(ImageSpec.ENTRYPOINT);
    assertThat(texts(config.path("Cmd"))).containsExactly("run");
    assertThat(config.path("User").asText()).isEqualTo("65532:65532");
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
    assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(config.path("ExposedPorts").has("8081/tcp")).isTrue();
    assertThat(texts(config.path("Env"))).contains("PATH=/opt/java/openjdk/bin:/usr/bin");
    var labels = config.path("Labels");
    assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo("1.2.3");
    assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo("abc123");
    assertThat(labels.path("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
    assertThat(labels.path("org.opencontainers.image.created").asText())
        .isEqualTo(COMMIT_TIME.toString());
    assertThat(labels.path("org.opencontainers.image.base.name").asText())
        .isEqualTo("test-base:local");
    assertThat(image.config.path("created").asText()).isEqualTo(COMMIT_TIME.toString());

    assertThat(image.layers).hasSize(2);
    var jar = image.layers.get(1).get("app/lmi-operator.jar");
    assertThat(jar)
        .as("the operator layer holds only the jar: %s", image.layers.get(1).keySet())
        .isNotNull();
    assertThat(new String(jar.data(), StandardCharsets.UTF_8)).isEqualTo("not really a jar");
    assertThat(jar.mode() & 0777).isEqualTo(0444);
    assertThat(jar.uid()).isZero();
    assertThat(jar.gid()).isZero();
    assertThat(jar.mtime()).isEqualTo(COMMIT_TIME.getEpochSecond());
  }

  @Test
  void theSameCommitGivesTheSameImage() throws Exception {
    assertThat(build("a.tar").manifestDigest).isEqualTo(build("b.tar").manifestDigest);
  }

  @Test
  void refusesToGuessWhereTheImageGoesOrToBuildWithoutTheJar() {
    var cli = new CommandLine(new ImageBuild());
    cli.setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()));
    assertThat(
            cli.execute("--jar", dir.resolve("missing.jar").toString(), "--version", "1", "--push"))
        .isEqualTo(2);
    assertThat(cli.execute("--jar", dir.toString(), "--version", "1")).isEqualTo(2);
  }

  private record Image(
      String manifestDigest, JsonNode config, List<Map<String, TinyTar.Entry>> layers) {}

  private Image build(String name) throws Exception {
    var jar = Files.writeString(dir.resolve("lmi-operator.jar"), "not really a jar");
    var base = dir.resolve("base.tar");
    if (!Files.exists(base)) {
      Files.write(base, baseArchive());
    }
    var out = dir.resolve(name);
    var code =
        new CommandLine(new ImageBuild())
            .execute(
                "--jar",
                jar.toString(),
                "--version",
                "1.2.3",
                "--revision",
                "abc123",
                "--created",
                COMMIT_TIME.toString(),
                "--base",
                "tar://" + base,
                "--base-name",
                "test-base:local",
                "--tar",
                out.toString(),
                "--cache",
                dir.resolve("cache").toString());
    assertThat(code).isZero();
    var archive = TinyTar.read(out);
    var index = JSON.readTree(archive.get("index.json").data());
    var digest = index.path("manifests").get(0).path("digest").asText();
    assertThat(
            index
                .path("manifests")
                .get(0)
                .path("annotations")
                .path("org.opencontainers.image.ref.name")
                .asText())
        .isEqualTo("ghcr.io/lmi-dev/lmi-operator:1.2.3");
    var manifest = JSON.readTree(blob(archive, digest));
    assertThat(manifest.path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.manifest.v1+json");
    var config = JSON.readTree(blob(archive, manifest.path("config").path("digest").asText()));
    var layers = new java.util.ArrayList<Map<String, TinyTar.Entry>>();
    for (var layer : manifest.path("layers")) {
      layers.add(TinyTar.readGzipped(blob(archive, layer.path("digest").asText())));
    }
    return new Image(digest, config, layers);
  }

  private static byte[] blob(Map<String, TinyTar.Entry> archive, String digest) {
    return archive.get("blobs/" + digest.replace(':', '/')).data();
  }

  /** A `docker save` archive of one layer holding a file, as Jib's tar:// base expects. */
  private static byte[] baseArchive() throws Exception {
    var layer =
        TinyTar.write(Map.of("etc/base-release", "test base\n".getBytes(StandardCharsets.UTF_8)));
    var diffId =
        "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(layer));
    var config =
        """
        {"architecture":"amd64","os":"linux",
         "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin"]},
         "rootfs":{"type":"layers","diff_ids":["%s"]}}
        """
            .formatted(diffId);
    var files = new LinkedHashMap<String, byte[]>();
    files.put(
        "manifest.json",
        "[{\"Config\":\"config.json\",\"RepoTags\":[\"b:1\"],\"Layers\":[\"layer.tar\"]}]"
            .getBytes(StandardCharsets.UTF_8));
    files.put("config.json", config.getBytes(StandardCharsets.UTF_8));
    files.put("layer.tar", layer);
    return TinyTar.write(files);
  }

  private static List<String> texts(JsonNode array) {
    var out = new java.util.ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
