package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI v3 documents kubectl explains and validates with, built from the CRDs. */
class OpenApiV3Test {
  private static final ObjectMapper M = new ObjectMapper();
  private final OpenApiV3 openApi = new OpenApiV3(new Store(crdList()));

  @Test
  void theRootListsEachGroupVersionWithAHashedUrl() throws Exception {
    var root = M.readTree(Store.body(openApi.answer(get("/openapi/v3"))));

    var url = root.at("/paths/apis~1lmi.dev~1v1alpha1/serverRelativeURL").asText();
    assertThat(url).matches("/openapi/v3/apis/lmi.dev/v1alpha1\\?hash=[0-9A-F]{128}");
    assertThat(M.readTree(Store.body(openApi.answer(get(url)))).path("openapi").asText())
        .isEqualTo("3.0.0");
  }

  @Test
  void eachKindHasItsCrdSchemaTaggedWithItsGroupVersionKind() {
    var schema = document().at("/components/schemas/dev.lmi.v1alpha1.LmiFunction");

    assertThat(schema.at("/x-kubernetes-group-version-kind/0").toString())
        .isEqualTo("{\"group\":\"lmi.dev\",\"kind\":\"LmiFunction\",\"version\":\"v1alpha1\"}");
    assertThat(schema.at("/properties/spec/properties/memoryMiB/description").asText())
        .isNotEmpty();
    assertThat(schema.at("/properties/kind/type").asText()).isEqualTo("string");
    assertThat(
            document()
                .at(
                    "/components/schemas/dev.lmi.v1alpha1.CapacityProviderList/properties/items/items/$ref")
                .asText())
        .isEqualTo("#/components/schemas/dev.lmi.v1alpha1.CapacityProvider");
  }

  @Test
  void everyPatchAdvertisesFieldValidationAndDryRunSoKubectlLeavesValidationToTheServer() {
    var patches = new ArrayList<JsonNode>();
    document()
        .path("paths")
        .forEach(
            path -> {
              if (path.has("patch")) {
                patches.add(path.get("patch"));
              }
            });

    assertThat(patches).hasSize(4);
    for (var patch : patches) {
      assertThat(patch.path("x-kubernetes-group-version-kind").path("group").asText())
          .isEqualTo("lmi.dev");
      assertThat(patch.path("parameters").findValuesAsText("name"))
          .contains("fieldValidation", "dryRun");
      assertThat(patch.path("parameters").findValuesAsText("in")).containsOnly("query");
    }
    assertThat(
            document()
                .path("paths")
                .has("/apis/lmi.dev/v1alpha1/namespaces/{namespace}/lmifunctions/{name}/status"))
        .isTrue();
    assertThat(document().path("paths").has("/apis/lmi.dev/v1alpha1/capacityproviders/{name}"))
        .isTrue();
  }

  @Test
  void everyReferenceResolvesInTheDocument() {
    var doc = document();
    var refs = doc.findValuesAsText("$ref");

    assertThat(refs).isNotEmpty();
    for (var ref : refs) {
      assertThat(doc.at(ref.substring(1).replace("~", "~0")).isMissingNode()).as(ref).isFalse();
    }
  }

  private JsonNode document() {
    try {
      return M.readTree(openApi.documents().get("apis/lmi.dev/v1alpha1"));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static RecordedRequest get(String path) {
    return new RecordedRequest(
        "HTTP/1.1", HttpMethod.GET, path, Headers.builder().build(), new Buffer());
  }

  /** A store that holds only the repository's CRDs. */
  private static Dispatcher crdList() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        var list = M.createObjectNode().put("kind", "List");
        var items = list.putArray("items");
        crds().forEach(items::add);
        return new MockResponse().setResponseCode(200).setBody(list.toString());
      }
    };
  }

  private static List<JsonNode> crds() {
    try (var files = Files.list(Path.of("..", "crds"))) {
      var yaml = new YAMLMapper();
      var out = new ArrayList<JsonNode>();
      for (var file : files.sorted().toList()) {
        out.add(yaml.readTree(file.toFile()));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
