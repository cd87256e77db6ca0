package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reads kubectl makes for describe, get events and explain, sent exactly as kubectl 1.32 sends
 * them (recorded with {@code -v=8}).
 */
class KubectlReadsIT {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String TABLE =
      "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
  private static final String PROTOBUF = "application/vnd.kubernetes.protobuf,application/json";
  private static KubeApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        KubeApi.start(
            KubeOptions.kubectl(0)
                .withCrdsFrom(KubeApiTest.CRDS)
                .withNamespaces("default", "team")
                .quietly());
    event("team", "fn.1", "LmiFunction", "fn", "team", "u-fn", "Published");
    event("team", "other.1", "LmiFunction", "other", "team", "u-other", "Published");
    event("default", "pool.1", "CapacityProvider", "pool", null, "u-pool", "Created");
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void describeFindsTheEventsOfANamespacedObject() throws Exception {
    var events =
        get(
            "/api/v1/namespaces/team/events?fieldSelector=involvedObject.name%3Dfn%2CinvolvedObject.namespace%3Dteam%2CinvolvedObject.kind%3DLmiFunction%2CinvolvedObject.uid%3Du-fn&limit=500",
            PROTOBUF);

    assertThat(events.path("kind").asText()).isEqualTo("EventList");
    assertThat(events.path("items").findValuesAsText("name")).containsExactly("fn.1", "fn");
  }

  @Test
  void describeFindsTheEventsOfAClusterScopedObjectInAnyNamespace() throws Exception {
    var events =
        get(
            "/api/v1/events?fieldSelector=involvedObject.name%3Dpool%2CinvolvedObject.namespace%3D%2CinvolvedObject.kind%3DCapacityProvider%2CinvolvedObject.uid%3Du-pool&limit=500",
            PROTOBUF);

    assertThat(events.path("items")).hasSize(1);
    assertThat(events.at("/items/0/metadata/namespace").asText()).isEqualTo("default");
  }

  @Test
  void getEventsPrintsTheEventColumns() throws Exception {
    var table = get("/api/v1/namespaces/team/events?limit=500", TABLE);

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    var objects = new java.util.ArrayList<String>();
    table.path("rows").forEach(row -> objects.add(row.at("/cells/3").asText()));
    assertThat(objects).contains("lmifunction/fn", "lmifunction/other");
  }

  @Test
  void anUnknownFieldSelectorIsABadRequest() throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/events?fieldSelector=spec.x%3D1"))
            .build();

    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void explainFindsTheSchemaThroughTheOpenApiV3Root() throws Exception {
    var root = get("/openapi/v3?timeout=32s", "application/json");
    var url = root.at("/paths/apis~1lmi.dev~1v1alpha1/serverRelativeURL").asText();

    var doc = get(url + "&timeout=32s", "application/json");

    assertThat(
            doc.at(
                    "/components/schemas/dev.lmi.v1alpha1.CapacityProvider/properties/spec/properties/vpc/description")
                .asText())
        .isNotEmpty();
  }

  @Test
  void getEventsWatchStreamsNewEventsAsTableRows() throws Exception {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    api.url() + "/api/v1/namespaces/team/events?watch=true&timeoutSeconds=20"))
            .header("Accept", TABLE)
            .build();
    var stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    try (var lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      var seen =
          CompletableFuture.supplyAsync(
              () -> lines.lines().filter(l -> l.contains("watched.1")).findFirst().orElse(""));
      event("team", "watched.1", "LmiFunction", "watched", "team", "u-w", "Scaled");
      var line = M.readTree(seen.get(20, TimeUnit.SECONDS));
      assertThat(line.path("type").asText()).isEqualTo("ADDED");
      assertThat(line.at("/object/kind").asText()).isEqualTo("Table");
      assertThat(line.at("/object/rows/0/cells/2").asText()).isEqualTo("Scaled");
    }
  }

  @Test
  void setBasedLabelSelectorsSelectAsOnARealServer() throws Exception {
    for (var tier : new String[] {"gold", "bronze"}) {
      api.client()
          .genericKubernetesResources("lmi.dev/v1alpha1", "LmiFunction")
          .inNamespace("team")
          .resource(
              new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                  .withApiVersion("lmi.dev/v1alpha1")
                  .withKind("LmiFunction")
                  .withNewMetadata()
                  .withName("fn-" + tier)
                  .withNamespace("team")
                  .addToLabels("tier", tier)
                  .endMetadata()
                  .build())
          .create();
    }

    var gold =
        get(
            "/apis/lmi.dev/v1alpha1/namespaces/team/lmifunctions?labelSelector=tier%20in%20%28gold%2Csilver%29",
            "application/json");
    var untiered =
        get(
            "/apis/lmi.dev/v1alpha1/namespaces/team/lmifunctions?labelSelector=%21tier",
            "application/json");

    assertThat(gold.path("items").findValuesAsText("name")).containsExactly("fn-gold");
    assertThat(untiered.path("items")).isEmpty();
  }

  @Test
  void aMissingCoreObjectIsNamedInTheNotFound() throws Exception {
    var request = HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/namespaces/nope")).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(M.readTree(response.body()).path("message").asText())
        .isEqualTo("namespaces \"nope\" not found");
  }

  @Test
  void kubectlCreateNamespaceIsReadFromItsProtobufBody() throws Exception {
    var body =
        java.util.HexFormat.of()
            .parseHex(
                "6b3873000a0f0a02763112094e616d65737061636512200a180a0874656d702d6e73311200"
                    + "1a0022002a00320038004200120 01a020a001a002200".replace(" ", ""));
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    api.url()
                        + "/api/v1/namespaces?fieldManager=kubectl-create&fieldValidation=Strict"))
            .header("Content-Type", "application/vnd.kubernetes.protobuf")
            .header("Accept", PROTOBUF)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();

    var response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(get("/api/v1/namespaces/temp-ns1", "application/json").at("/metadata/name").asText())
        .isEqualTo("temp-ns1");
  }

  private static void event(
      String namespace,
      String name,
      String kind,
      String object,
      String objectNamespace,
      String uid,
      String reason) {
    var now = Instant.now().toString();
    api.client()
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(object)
                .withNamespace(objectNamespace)
                .withUid(uid)
                .endInvolvedObject()
                .withType("Normal")
                .withReason(reason)
                .withMessage(reason + " " + object)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .build())
        .create();
  }

  private JsonNode get(String path, String accept) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(api.url() + path)).header("Accept", accept).build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return M.readTree(response.body());
  }
}
