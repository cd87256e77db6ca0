package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What kubectl sends, as plain HTTP against the local mode's Kubernetes API (mock + KubectlCompat +
 * WatchFront); the requests are the ones kubectl-on-mock.md recorded.
 */
class KubeApiTest {
  static final Path CRDS = Path.of("..", "crds");
  private static final ObjectMapper M = new ObjectMapper();
  private static final String FUNCTIONS = "/apis/lmi.dev/v1alpha1/namespaces/team/lmifunctions";
  private static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
  private static final ResourceDefinitionContext LMIFUNCTIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("lmi.dev")
          .withVersion("v1alpha1")
          .withPlural("lmifunctions")
          .withNamespaced(true)
          .build();
  private static KubeApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api = KubeApi.start(KubeOptions.kubectl(0).withCrdsFrom(CRDS).withNamespaces("team"));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void answersDiscoveryWhateverTheRequestTimeout() throws Exception {
    var groups = get("/apis?timeout=32s", "application/json");
    assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
    assertThat(groups.path("groups").findValuesAsText("name")).contains("lmi.dev");
    var resources = get("/apis/lmi.dev/v1alpha1?timeout=10s", "application/json");
    assertThat(resources.path("resources").findValuesAsText("name"))
        .contains("lmifunctions", "lmifunctions/status", "capacityproviders");
    assertThat(resources.path("resources").get(0).path("shortNames")).isNotEmpty();
    assertThat(get("/version?timeout=5s", "application/json").path("gitVersion").asText())
        .isEqualTo("v1.32.0");
  }

  @Test
  void listsCustomResourcesAsATableWithThePrinterColumns() throws Exception {
    create("tabled", Map.of());
    setReady("tabled");

    var table = get(FUNCTIONS + "?limit=500", TABLE);

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("columnDefinitions").findValuesAsText("name"))
        .startsWith("Name", "Ready", "Reason", "Version", "Provider", "Age");
    var row = rowNamed(table, "tabled");
    assertThat(row.path("cells").get(1).asText()).isEqualTo("True");
    assertThat(row.path("cells").get(4).asText()).isEqualTo("pool");
    assertThat(get(FUNCTIONS + "/tabled", "application/json").path("kind").asText())
        .isEqualTo("LmiFunction");
  }

  @Test
  void mergePatchWithNullDeletesTheKey() throws Exception {
    create("labelled", Map.of("tier", "gold", "team", "a"));

    var response =
        send("PATCH", FUNCTIONS + "/labelled", "{\"metadata\":{\"labels\":{\"tier\":null}}}");

    assertThat(response.statusCode()).isBetween(200, 202);
    var labels = get(FUNCTIONS + "/labelled", "application/json").path("metadata").path("labels");
    assertThat(labels.has("tier")).isFalse();
    assertThat(labels.path("team").asText()).isEqualTo("a");
  }

  @Test
  void statusPatchWithAQueryStringIsStored() throws Exception {
    create("statused", Map.of());

    var response =
        send(
            "PATCH",
            FUNCTIONS + "/statused/status?fieldManager=kubectl-patch",
            "{\"status\":{\"awsName\":\"team-statused\"}}");

    assertThat(response.statusCode()).isBetween(200, 202);
    assertThat(
            get(FUNCTIONS + "/statused", "application/json")
                .path("status")
                .path("awsName")
                .asText())
        .isEqualTo("team-statused");
  }

  @Test
  void answersADryRunWithoutStoringIt() throws Exception {
    create("dry", Map.of());

    var response = send("PATCH", FUNCTIONS + "/dry?dryRun=All", "{\"spec\":{\"memoryMiB\":4096}}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(M.readTree(response.body()).at("/spec/memoryMiB").asInt()).isEqualTo(4096);
    assertThat(get(FUNCTIONS + "/dry", "application/json").path("spec").path("memoryMiB").asInt())
        .isEqualTo(2048);
  }

  @Test
  void mergePatchReplacesAListInsteadOfAppendingToIt() throws Exception {
    // What `kubectl apply` sends after an element was removed from a list: RFC 7386 replaces it.
    create("listed", Map.of());
    send("PATCH", FUNCTIONS + "/listed", "{\"spec\":{\"layers\":[\"a\",\"b\"]}}");

    var response =
        send("PATCH", FUNCTIONS + "/listed", "{\"spec\":{\"layers\":[\"a\"],\"memoryMiB\":4096}}");

    assertThat(response.statusCode()).isEqualTo(200);
    var spec = get(FUNCTIONS + "/listed", "application/json").path("spec");
    assertThat(spec.path("layers").toString()).isEqualTo("[\"a\"]");
    assertThat(spec.path("memoryMiB").asInt()).isEqualTo(4096);
    assertThat(spec.path("capacityProviderRef").path("name").asText()).isEqualTo("pool");
  }

  @Test
  void answersProtobufBodiesWith415InsteadOfHanging() throws Exception {
    var request =
        HttpRequest.newBuilder(uri("/api/v1/namespaces"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/vnd.kubernetes.protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {0x6b, 0x38, 0x73, 0}))
            .build();

    var response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void streamsWatchEventsOverPlainHttp() throws Exception {
    var request =
        HttpRequest.newBuilder(uri(FUNCTIONS + "?watch=true&timeoutSeconds=20"))
            .header("Accept", "application/json")
            .build();
    var stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    try (var lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      var seen =
          CompletableFuture.supplyAsync(
              () -> lines.lines().filter(l -> l.contains("\"watched\"")).findFirst().orElse(""));
      create("watched", Map.of());
      var event = M.readTree(seen.get(20, TimeUnit.SECONDS));
      assertThat(event.path("type").asText()).isEqualTo("ADDED");
      assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("watched");
    }
  }

  @Test
  void aWatchOnOneObjectReportsItsDeletionSinceTheListKubectlMade() throws Exception {
    // kubectl delete: DELETE, list with metadata.name=x, then watch from the list's version. A
    // finalizer removed in between must still end the wait with DELETED.
    create("finalized", Map.of());
    send("PATCH", FUNCTIONS + "/finalized", "{\"metadata\":{\"finalizers\":[\"f\"]}}");
    var listed = get(FUNCTIONS + "?fieldSelector=metadata.name%3Dfinalized", "application/json");
    var since = listed.path("metadata").path("resourceVersion").asText();
    http.send(
        HttpRequest.newBuilder(uri(FUNCTIONS + "/finalized")).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    send("PATCH", FUNCTIONS + "/finalized", "{\"metadata\":{\"finalizers\":null}}");

    var request =
        HttpRequest.newBuilder(
                uri(
                    FUNCTIONS
                        + "?fieldSelector=metadata.name%3Dfinalized&resourceVersion="
                        + since
                        + "&watch=true&timeoutSeconds=20"))
            .header("Accept", "application/json")
            .build();
    var stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (var lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      var first =
          CompletableFuture.supplyAsync(
              () -> lines.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
      var event = M.readTree(first.get(20, TimeUnit.SECONDS));
      assertThat(event.path("type").asText()).isEqualTo("DELETED");
      assertThat(event.at("/object/metadata/name").asText()).isEqualTo("finalized");
      assertThat(event.at("/object/kind").asText()).isEqualTo("LmiFunction");
    }
  }

  private static GenericKubernetesResource create(String name, Map<String, String> labels) {
    var fn =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("lmi.dev/v1alpha1")
            .withKind("LmiFunction")
            .withNewMetadata()
            .withName(name)
            .withNamespace("team")
            .withLabels(labels)
            .endMetadata()
            .addToAdditionalProperties(
                "spec", Map.of("memoryMiB", 2048, "capacityProviderRef", Map.of("name", "pool")))
            .build();
    return api.client()
        .genericKubernetesResources(LMIFUNCTIONS)
        .inNamespace("team")
        .resource(fn)
        .create();
  }

  private void setReady(String name) throws Exception {
    var status =
        "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"True\",\"reason\":\"Ready\"}]}}";
    assertThat(send("PATCH", FUNCTIONS + "/" + name + "/status", status).statusCode())
        .isBetween(200, 202);
  }

  private static JsonNode rowNamed(JsonNode table, String name) {
    for (var row : table.path("rows")) {
      if (row.path("cells").get(0).asText().equals(name)) {
        return row;
      }
    }
    throw new AssertionError("no row " + name + " in " + table);
  }

  private JsonNode get(String path, String accept) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return M.readTree(response.body());
  }

  private HttpResponse<String> send(String method, String path, String mergePatch)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/merge-patch+json")
            .method(method, HttpRequest.BodyPublishers.ofString(mergePatch))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(api.url() + path);
  }
}
