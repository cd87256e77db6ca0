package dev.lmi.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The image's CycloneDX SBOM: the image, its base (the runtime and Debian packages of the local
 * base, or the pinned registry base of a release) and every component of the operator jar's SBOM.
 *
 * <p>Usage: {@code ImageSbom BUILD_RESULT_JSON JAR_SBOM_JSON BASE_JSON_OR_- OUT_JSON}
 */
public final class ImageSbom {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImageSbom() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: ImageSbom BUILD_RESULT_JSON JAR_SBOM_JSON BASE_JSON|- OUT_JSON");
      System.exit(2);
    }
    var build = JSON.readTree(Path.of(args[0]).toFile());
    var jar = JSON.readTree(Path.of(args[1]).toFile());
    var base = args[2].equals("-") ? null : JSON.readTree(Path.of(args[2]).toFile());
    var bom = sbom(build, jar, base);
    JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[3]).toFile(), bom);
    System.out.println(
        args[3] + ": " + bom.path("components").size() + " components (CycloneDX 1.5)");
  }

  /** Pure: the same inputs give the same document, serial number included. */
  static ObjectNode sbom(JsonNode build, JsonNode jarBom, JsonNode localBase) {
    var image = build.path("image").asText();
    var digest = build.path("digest").asText();
    var bom = JSON.createObjectNode();
    bom.put("bomFormat", "CycloneDX").put("specVersion", "1.5");
    bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(digest.getBytes()));
    bom.put("version", 1);
    var imageRef = "image:" + digest;
    var metadata = bom.putObject("metadata");
    metadata
        .putObject("component")
        .put("type", "container")
        .put("bom-ref", imageRef)
        .put("name", image.substring(0, image.lastIndexOf(':')))
        .put("version", image.substring(image.lastIndexOf(':') + 1))
        .put("purl", ociPurl(image, digest));
    metadata.putArray("tools").addObject().put("name", "lmi-release ImageSbom");
    var components = bom.putArray("components");
    var dependencies = bom.putArray("dependencies");
    var top = dependencies.addObject().put("ref", imageRef).putArray("dependsOn");

    var operator = jarBom.path("metadata").path("component").deepCopy();
    components.add(operator);
    top.add(operator.path("bom-ref").asText());
    jarBom.path("components").forEach(components::add);
    jarBom.path("dependencies").forEach(dependencies::add);

    var baseRef = "base:" + build.path("base").asText();
    top.add(baseRef);
    var baseDeps = dependencies.addObject().put("ref", baseRef).putArray("dependsOn");
    if (localBase == null) {
      components.add(registryBase(build.path("base").asText(), baseRef));
    } else {
      addLocalBase(localBase, baseRef, components, baseDeps);
    }
    return bom;
  }

  private static ObjectNode registryBase(String reference, String ref) {
    var base =
        JSON.createObjectNode()
            .put("type", "container")
            .put("bom-ref", ref)
            .put("name", reference.replaceAll("[:@].*", ""));
    var at = reference.indexOf('@');
    if (at > 0) {
      base.put("version", reference.substring(at + 1));
    }
    base.put(
        "description",
        "The release base image, pinned by digest. Its own packages are listed by the base's"
            + " publisher and by scanning the pushed image; this SBOM names the base only.");
    return base;
  }

  private static void addLocalBase(
      JsonNode local, String ref, ArrayNode components, ArrayNode dependsOn) {
    var base =
        components
            .addObject()
            .put("type", "container")
            .put("bom-ref", ref)
            .put("name", "lmi-operator-smoke-base")
            .put("description", local.path("description").asText());
    var runtime = local.path("runtime");
    var jre = "runtime:" + runtime.path("version").asText();
    components
        .addObject()
        .put("type", "platform")
        .put("bom-ref", jre)
        .put("name", "Java runtime (jlink)")
        .put("version", runtime.path("version").asText())
        .put("publisher", runtime.path("implementor").asText())
        .put("description", "modules: " + String.join(",", texts(runtime.path("modules"))));
    dependsOn.add(jre);
    for (var pkg : local.path("debianPackages")) {
      var purl =
          "pkg:deb/debian/%s@%s?arch=%s&distro=%s"
              .formatted(
                  pkg.path("name").asText(),
                  URLEncoder.encode(pkg.path("version").asText(), StandardCharsets.UTF_8),
                  pkg.path("arch").asText(),
                  local.path("distro").asText());
      components
          .addObject()
          .put("type", "library")
          .put("bom-ref", purl)
          .put("name", pkg.path("name").asText())
          .put("version", pkg.path("version").asText())
          .put("purl", purl);
      dependsOn.add(purl);
    }
    base.put("version", local.path("architecture").asText());
  }

  static String ociPurl(String image, String digest) {
    var repository = image.substring(0, image.lastIndexOf(':'));
    var name = repository.substring(repository.lastIndexOf('/') + 1);
    return "pkg:oci/%s@%s?repository_url=%s&tag=%s"
        .formatted(
            name,
            URLEncoder.encode(digest, StandardCharsets.UTF_8),
            repository,
            image.substring(image.lastIndexOf(':') + 1));
  }

  private static java.util.List<String> texts(JsonNode array) {
    var out = new java.util.ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
