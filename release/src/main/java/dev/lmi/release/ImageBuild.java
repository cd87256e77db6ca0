package dev.lmi.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the operator image with Jib, without a Docker engine: the shaded jar as one layer on a JRE
 * base, written as an OCI archive or pushed to a registry (several platforms at once).
 */
@Command(name = "image-build", mixinStandardHelpOptions = true)
public final class ImageBuild implements Callable<Integer> {
  @Option(names = "--jar", required = true, description = "The shaded operator jar.")
  Path jar;

  @Option(names = "--version", required = true, description = "Image tag and version label.")
  String version;

  @Option(
      names = "--base",
      description = "Base image: a registry reference, or tar:///path of a `docker save` archive.")
  String base = ImageSpec.RELEASE_BASE;

  @Option(
      names = "--base-name",
      description =
          "The base as the labels name it (default: --base); a tar path means nothing elsewhere.")
  String baseName;

  @Option(names = "--platform", split = ",", description = "os/arch, e.g. linux/arm64.")
  List<String> platforms = ImageSpec.RELEASE_PLATFORMS;

  @Option(names = "--repository")
  String repository = ImageSpec.REPOSITORY;

  @Option(names = "--revision")
  String revision = "unknown";

  @Option(names = "--created", description = "ISO-8601 instant; the commit's time.")
  Instant created = Instant.EPOCH;

  @Option(names = "--tar", description = "Write an OCI archive here.")
  Path tar;

  @Option(names = "--push", description = "Push to the registry (credentials: docker config).")
  boolean push;

  @Option(names = "--result", description = "Write the image reference and digest as JSON here.")
  Path result;

  @Option(names = "--cache", description = "Jib's layer cache directory.")
  Path cache;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ImageBuild()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (push == (tar != null)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "give exactly one of --tar PATH and --push");
    }
    if (!Files.isRegularFile(jar)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), jar + " does not exist: build it first (./dev build)");
    }
    var target = ImageReference.parse(repository + ":" + version);
    var container = builder().containerize(containerizer(target));
    System.out.println(target + " " + container.getDigest() + " (" + describe() + ")");
    if (result != null) {
      writeResult(target, container);
    }
    return 0;
  }

  /** The base, for the platforms asked, with the image's definition applied. */
  JibContainerBuilder builder() throws Exception {
    var builder = from(base);
    if (!isTar()) {
      var set = new LinkedHashSet<Platform>();
      platforms.forEach(p -> set.add(new Platform(p.split("/")[1], p.split("/")[0])));
      builder.setPlatforms(set);
    }
    return ImageSpec.apply(
        builder, jar, ImageSpec.labels(version, revision, created, baseName()), created);
  }

  private JibContainerBuilder from(String reference) throws Exception {
    if (isTar()) {
      return Jib.from(TarImage.at(Path.of(reference.substring("tar://".length()))));
    }
    var ref = ImageReference.parse(reference);
    return Jib.from(RegistryImage.named(ref).addCredentialRetriever(credentials(ref)));
  }

  private Containerizer containerizer(ImageReference target) throws Exception {
    var containerizer =
        push
            ? Containerizer.to(
                RegistryImage.named(target).addCredentialRetriever(credentials(target)))
            : Containerizer.to(TarImage.at(tar).named(target));
    containerizer.setToolName("lmi-release").setOfflineMode(!push && isTar());
    containerizer.addEventHandler(LogEvent.class, ImageBuild::log);
    if (cache != null) {
      containerizer.setBaseImageLayersCache(cache.resolve("base"));
      containerizer.setApplicationLayersCache(cache.resolve("application"));
    }
    return containerizer;
  }

  private static com.google.cloud.tools.jib.api.CredentialRetriever credentials(
      ImageReference ref) {
    return CredentialRetrieverFactory.forImage(ref, ImageBuild::log).dockerConfig();
  }

  private static void log(LogEvent event) {
    switch (event.getLevel()) {
      case ERROR, WARN -> System.err.println(event.getLevel() + ": " + event.getMessage());
      case LIFECYCLE -> System.out.println(event.getMessage());
      default -> {}
    }
  }

  private String baseName() {
    return baseName == null || baseName.isBlank() ? base : baseName;
  }

  private boolean isTar() {
    return base.startsWith("tar://");
  }

  private String describe() {
    return isTar() ? "local base " + base : "base " + base + " for " + String.join(", ", platforms);
  }

  private void writeResult(ImageReference target, JibContainer container) throws Exception {
    var out = new LinkedHashMap<String, Object>();
    out.put("image", target.toString());
    out.put("digest", container.getDigest().toString());
    out.put("imageId", container.getImageId().toString());
    out.put("base", baseName());
    out.put("platforms", isTar() ? List.of() : platforms);
    out.put("pushed", container.isImagePushed());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(result.toFile(), out);
  }
}
