package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes to custom resources over HTTP, as kubectl sends them (requests recorded with {@code
 * kubectl -v=8}), through an admission that prunes {@code spec.foo}, defaults {@code
 * spec.timeoutSeconds} and refuses {@code memoryMiB: 3000}: what the API server does with what
 * admission says.
 */
class CustomResourceWritesIT {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String FUNCTIONS = "/apis/lmi.dev/v1alpha1/namespaces/team/lmifunctions";
  private static final String APPLY = "?fieldManager=kubectl-client-side-apply";
  private static final AtomicBoolean RULE_ON = new AtomicBoolean(true);
  private static KubeApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        KubeApi.start(
            KubeOptions.kubectl(0)
                .withCrdsFrom(KubeApiTest.CRDS)
                .withNamespaces("default", "team")
                .withAdmission(CustomResourceWritesIT::admit)
                .quietly());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void strictValidationRefusesAnUnknownFieldAsUndecodable() throws Exception {
    var response =
        send(
            "POST", FUNCTIONS + APPLY + "&fieldValidation=Strict", fn("strict", 2048, "\"foo\":1"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(message(response))
        .isEqualTo(
            "LmiFunction in version \"v1alpha1\" cannot be handled as a LmiFunction: strict decoding"
                + " error: unknown field \"spec.foo\"");
    assertThat(send("GET", FUNCTIONS + "/strict", null).statusCode()).isEqualTo(404);
  }

  @Test
  void withoutFieldValidationUnknownFieldsArePrunedWithAWarning() throws Exception {
    var response = send("POST", FUNCTIONS, fn("warned", 2048, "\"foo\":1"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("Warning"))
        .containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
    var stored = body(send("GET", FUNCTIONS + "/warned", null));
    assertThat(stored.at("/spec/foo").isMissingNode()).isTrue();
    assertThat(stored.at("/spec/timeoutSeconds").asInt()).isEqualTo(30);
  }

  @Test
  void ignoredFieldValidationPrunesSilently() throws Exception {
    var response =
        send("POST", FUNCTIONS + "?fieldValidation=Ignore", fn("ignored", 2048, "\"foo\":1"));

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().allValues("Warning")).isEmpty();
  }

  @Test
  void anInvalidObjectIsRefusedWithTheCauses() throws Exception {
    var response =
        send("POST", FUNCTIONS + APPLY + "&fieldValidation=Strict", fn("invalid", 3000, null));

    assertThat(response.statusCode()).isEqualTo(422);
    var status = body(response);
    assertThat(status.path("message").asText())
        .isEqualTo(
            "LmiFunction.lmi.dev \"invalid\" is invalid: spec.memoryMiB: Invalid value: 3000: not a multiple of 2048");
    assertThat(status.at("/details/causes/0/field").asText()).isEqualTo("spec.memoryMiB");
    assertThat(status.at("/details/name").asText()).isEqualTo("invalid");
  }

  @Test
  void aDryRunCreateAnswersWhatWouldBeStoredAndStoresNothing() throws Exception {
    var response =
        send("POST", FUNCTIONS + "?dryRun=All&fieldValidation=Strict", fn("dry", 2048, null));

    assertThat(response.statusCode()).isEqualTo(201);
    var answered = body(response);
    assertThat(answered.at("/spec/timeoutSeconds").asInt()).isEqualTo(30);
    assertThat(answered.at("/metadata/generation").asInt()).isEqualTo(1);
    assertThat(answered.at("/metadata/uid").asText()).isNotEmpty();
    var missing = send("GET", FUNCTIONS + "/dry", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(message(missing)).isEqualTo("lmifunctions.lmi.dev \"dry\" not found");
  }

  @Test
  void aStrictPatchWithAnUnknownFieldIsAnInvalidPatch() throws Exception {
    send("POST", FUNCTIONS, fn("patched", 2048, null));

    var response =
        send("PATCH", FUNCTIONS + "/patched?fieldValidation=Strict", "{\"spec\":{\"foo\":1}}");

    assertThat(response.statusCode()).isEqualTo(422);
    var cause = body(response).at("/details/causes/0");
    assertThat(cause.path("field").asText()).isEqualTo("patch");
    assertThat(cause.path("message").asText())
        .startsWith("Invalid value: \"{\\\"apiVersion\\\":\\\"lmi.dev/v1alpha1\\\"")
        .endsWith(": strict decoding error: unknown field \"spec.foo\"");
  }

  @Test
  void aDryRunPatchShowsTheNewGenerationAndChangesNothing() throws Exception {
    send("POST", FUNCTIONS, fn("diffed", 2048, null));

    var answered =
        body(send("PATCH", FUNCTIONS + "/diffed?dryRun=All", "{\"spec\":{\"memoryMiB\":4096}}"));

    assertThat(answered.at("/spec/memoryMiB").asInt()).isEqualTo(4096);
    assertThat(answered.at("/metadata/generation").asInt()).isEqualTo(2);
    var stored = body(send("GET", FUNCTIONS + "/diffed", null));
    assertThat(stored.at("/spec/memoryMiB").asInt()).isEqualTo(2048);
    assertThat(stored.at("/metadata/generation").asInt()).isEqualTo(1);
  }

  @Test
  void generationMovesWithTheSpecOnly() throws Exception {
    send("POST", FUNCTIONS, fn("generations", 2048, null));

    send("PATCH", FUNCTIONS + "/generations", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    send("PATCH", FUNCTIONS + "/generations/status", "{\"status\":{\"awsName\":\"x\"}}");
    assertThat(
            body(send("GET", FUNCTIONS + "/generations", null)).at("/metadata/generation").asInt())
        .isEqualTo(1);
    send("PATCH", FUNCTIONS + "/generations", "{\"spec\":{\"memoryMiB\":4096}}");
    assertThat(
            body(send("GET", FUNCTIONS + "/generations", null)).at("/metadata/generation").asInt())
        .isEqualTo(2);
  }

  @Test
  void aStaleResourceVersionIsAConflict() throws Exception {
    var created = (ObjectNode) body(send("POST", FUNCTIONS, fn("stale", 2048, null)));
    send("PATCH", FUNCTIONS + "/stale", "{\"spec\":{\"memoryMiB\":4096}}");

    var response = send("PUT", FUNCTIONS + "/stale", created.toString());

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(body(response).path("reason").asText()).isEqualTo("Conflict");
  }

  @Test
  void writesLeavingAStoredInvalidSpecAloneAreAdmittedAndStatusWritesIgnoreTheSpec()
      throws Exception {
    RULE_ON.set(false);
    send("POST", FUNCTIONS, fn("ratcheted", 3000, null));
    RULE_ON.set(true);

    var status =
        send(
            "PATCH",
            FUNCTIONS + "/ratcheted/status",
            "{\"spec\":{\"memoryMiB\":1},\"status\":{\"awsName\":\"a\"}}");
    var label =
        send("PATCH", FUNCTIONS + "/ratcheted", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    var spec = send("PATCH", FUNCTIONS + "/ratcheted", "{\"spec\":{\"timeoutSeconds\":40}}");

    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(label.statusCode()).isEqualTo(200);
    assertThat(spec.statusCode()).isEqualTo(422);
    var stored = body(send("GET", FUNCTIONS + "/ratcheted", null));
    assertThat(stored.at("/spec/memoryMiB").asInt()).isEqualTo(3000);
    assertThat(stored.at("/status/awsName").asText()).isEqualTo("a");
  }

  @Test
  void serverSideApplyAndStrategicMergeAreUnsupportedMediaTypes() throws Exception {
    send("POST", FUNCTIONS, fn("applied", 2048, null));

    var ssa =
        send(
            "PATCH",
            FUNCTIONS + "/applied?fieldManager=kubectl",
            "{}",
            "application/apply-patch+yaml");
    var smp = send("PATCH", FUNCTIONS + "/applied", "{}", "application/strategic-merge-patch+json");

    assertThat(ssa.statusCode()).isEqualTo(415);
    assertThat(message(ssa)).startsWith("server-side apply is not supported by the local mode");
    assertThat(smp.statusCode()).isEqualTo(415);
    assertThat(message(smp)).contains("application/merge-patch+json");
  }

  @Test
  void aCreateInAMissingNamespaceOrOfAnExistingNameIsRefused() throws Exception {
    var missing =
        send(
            "POST",
            FUNCTIONS.replace("/team/", "/nope/"),
            fn("lost", 2048, null).replace("\"team\"", "\"nope\""));
    send("POST", FUNCTIONS, fn("twice", 2048, null));
    var twice = send("POST", FUNCTIONS, fn("twice", 2048, null));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(message(missing)).isEqualTo("namespaces \"nope\" not found");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(message(twice)).isEqualTo("lmifunctions.lmi.dev \"twice\" already exists");
  }

  @Test
  void aDryRunDeleteKeepsTheObject() throws Exception {
    send("POST", FUNCTIONS, fn("kept", 2048, null));

    var response =
        send(
            "DELETE",
            FUNCTIONS + "/kept",
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"dryRun\":[\"All\"]}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(send("GET", FUNCTIONS + "/kept", null).statusCode()).isEqualTo(200);
  }

  @Test
  void anObjectOfAnotherKindIsNotStoredUnderThisResource() throws Exception {
    var provider = fn("wrong-kind", 2048, null).replace("\"LmiFunction\"", "\"CapacityProvider\"");

    var response = send("POST", FUNCTIONS, provider);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(send("GET", FUNCTIONS + "/wrong-kind", null).statusCode()).isEqualTo(404);
  }

  /** The fake admission: prunes spec.foo, defaults timeoutSeconds, refuses memoryMiB 3000. */
  private static Admission.Verdict admit(JsonNode object, JsonNode old) {
    var copy = (ObjectNode) object.deepCopy();
    var pruned = new ArrayList<String>();
    var causes = new ArrayList<Admission.Cause>();
    if (copy.get("spec") instanceof ObjectNode spec) {
      if (spec.remove("foo") != null) {
        pruned.add("spec.foo");
      }
      if (!spec.has("timeoutSeconds")) {
        spec.put("timeoutSeconds", 30);
      }
      if (RULE_ON.get() && spec.path("memoryMiB").asInt() == 3000) {
        causes.add(
            new Admission.Cause(
                "FieldValueInvalid",
                "spec.memoryMiB",
                "Invalid value: 3000: not a multiple of 2048"));
      }
    }
    return new Admission.Verdict(copy, pruned, List.copyOf(causes));
  }

  private static String fn(String name, int memory, String extra) {
    return """
        {"apiVersion":"lmi.dev/v1alpha1","kind":"LmiFunction",
         "metadata":{"name":"%s","namespace":"team"},
         "spec":{"memoryMiB":%d,"capacityProviderRef":{"name":"pool"}%s}}
        """
        .formatted(name, memory, extra == null ? "" : "," + extra);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    var type = "PATCH".equals(method) ? "application/merge-patch+json" : "application/json";
    return send(method, path, body, type);
  }

  private HttpResponse<String> send(String method, String path, String body, String type)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(api.url() + path))
            .header("Accept", "application/json")
            .header("Content-Type", type)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    return M.readTree(response.body());
  }

  private static String message(HttpResponse<String> response) throws Exception {
    return body(response).path("message").asText();
  }
}
