package dev.lmi.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ImageSbomTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIGEST =
      "sha256:877dd118157f3408e1b1af5cb841c4eb8d38539ecb047f19b576739a0522f317";

  @Test
  void describesTheImageItsLocalBaseAndEveryComponentOfTheJar() throws Exception {
    var bom = ImageSbom.sbom(build("tar-base:local"), jarBom(), localBase());
    assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.5");
    var image = bom.path("metadata").path("component");
    assertThat(image.path("type").asText()).isEqualTo("container");
    assertThat(image.path("name").asText()).isEqualTo("ghcr.io/lmi-dev/lmi-operator");
    assertThat(image.path("version").asText()).isEqualTo("0.1.0");
    assertThat(image.path("purl").asText())
        .isEqualTo(
            "pkg:oci/lmi-operator@sha256%3A877dd118157f3408e1b1af5cb841c4eb8d38539ecb047f19b576739a0522f317"
                + "?repository_url=ghcr.io/lmi-dev/lmi-operator&tag=0.1.0");
    assertThat(purls(bom))
        .contains(
            "pkg:maven/dev.lmi/lmi-operator@0.1.0?type=jar",
            "pkg:maven/info.picocli/picocli@4.7.7?type=jar",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64&distro=debian-12");
    assertThat(bom.toString()).contains("\"version\":\"25.0.3+9-LTS\"", "Eclipse Adoptium");
    assertEveryDependencyRefersToAComponent(bom);
  }

  @Test
  void namesAReleaseBaseByItsDigestAndIsTheSameForTheSameImage() throws Exception {
    var base = "eclipse-temurin:21-jre-noble@sha256:" + "a".repeat(64);
    var bom = ImageSbom.sbom(build(base), jarBom(), null);
    var baseComponent =
        JSON.createArrayNode()
            .addAll((com.fasterxml.jackson.databind.node.ArrayNode) bom.path("components"));
    assertThat(baseComponent.findValuesAsText("name")).contains("eclipse-temurin");
    assertThat(bom.toString()).contains("\"version\":\"sha256:" + "a".repeat(64) + "\"");
    assertEveryDependencyRefersToAComponent(bom);
    assertThat(ImageSbom.sbom(build(base), jarBom(), null)).isEqualTo(bom);
  }

  private static void assertEveryDependencyRefersToAComponent(JsonNode bom) {
    var refs = new HashSet<String>();
    refs.add(bom.path("metadata").path("component").path("bom-ref").asText());
    bom.path("components").forEach(c -> refs.add(c.path("bom-ref").asText()));
    for (var dependency : bom.path("dependencies")) {
      assertThat(refs).contains(dependency.path("ref").asText());
      dependency.path("dependsOn").forEach(d -> assertThat(refs).contains(d.asText()));
    }
  }

  private static java.util.List<String> purls(JsonNode bom) {
    return bom.path("components").findValuesAsText("purl");
  }

  private static JsonNode build(String base) {
    return JSON.createObjectNode()
        .put("image", "ghcr.io/lmi-dev/lmi-operator:0.1.0")
        .put("digest", DIGEST)
        .put("base", base);
  }

  private static JsonNode jarBom() throws Exception {
    return JSON.readTree(
        """
        {"bomFormat":"CycloneDX","specVersion":"1.5",
         "metadata":{"component":{"type":"application","bom-ref":"pkg:maven/dev.lmi/lmi-operator@0.1.0?type=jar",
           "name":"lmi-operator","version":"0.1.0","purl":"pkg:maven/dev.lmi/lmi-operator@0.1.0?type=jar"}},
         "components":[{"type":"library","bom-ref":"pkg:maven/info.picocli/picocli@4.7.7?type=jar",
           "name":"picocli","version":"4.7.7","purl":"pkg:maven/info.picocli/picocli@4.7.7?type=jar"}],
         "dependencies":[{"ref":"pkg:maven/dev.lmi/lmi-operator@0.1.0?type=jar",
           "dependsOn":["pkg:maven/info.picocli/picocli@4.7.7?type=jar"]},
           {"ref":"pkg:maven/info.picocli/picocli@4.7.7?type=jar","dependsOn":[]}]}
        """);
  }

  private static JsonNode localBase() throws Exception {
    return JSON.readTree(
        """
        {"kind":"local","description":"jlink runtime","architecture":"amd64","distro":"debian-12",
         "runtime":{"implementor":"Eclipse Adoptium","version":"25.0.3+9-LTS","modules":["java.se"]},
         "debianPackages":[{"name":"libc6","version":"2.36-9+deb12u14","arch":"amd64"}]}
        """);
  }
}
