package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.lmi.operator.validation.ObjectValidator;
import dev.lmi.sandbox.kube.KubeApi;
import dev.lmi.sandbox.kube.KubeOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local mode's Kubernetes API with the operator's validator as admission, over HTTP as kubectl
 * sends it: the CRDs' rules refuse what EKS would refuse, in EKS's words.
 */
class CrdAdmissionIT {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Path EXAMPLES = Path.of("..", "examples", "local");
  private static final String FUNCTIONS = "/apis/lmi.dev/v1alpha1/namespaces/orders/lmifunctions";
  private static final String PROVIDERS = "/apis/lmi.dev/v1alpha1/capacityproviders";
  private static final String STRICT =
      "?fieldManager=kubectl-client-side-apply&fieldValidation=Strict";
  private static KubeApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        KubeApi.start(
            KubeOptions.kubectl(0)
                .withNamespaces("default", "orders")
                .withAdmission(new CrdAdmission(new ObjectValidator()))
                .quietly());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void refusesAMemoryThatIsNotAMultipleOfTheRatioAsEksWould() throws Exception {
    var fn = example("orders-list.yaml");
    spec(fn).put("memoryMiB", 3000);

    var response = send("POST", FUNCTIONS + STRICT, fn.toString(), "application/json");

    assertThat(response.statusCode()).isEqualTo(422);
    var status = M.readTree(response.body());
    assertThat(status.path("message").asText())
        .isEqualTo(
            "LmiFunction.lmi.dev \"list-orders\" is invalid: spec.memoryMiB: Invalid value: 3000:"
                + " memoryMiB 3000 is not a multiple of 2048 (memoryGiBPerVCpu 2 × 1024)");
    assertThat(status.at("/details/causes/0/reason").asText()).isEqualTo("FieldValueInvalid");
  }

  @Test
  void admitsTheLocalExamplesWithTheirDefaults() throws Exception {
    var search = example("similarity-search.yaml");
    ((ObjectNode) search.path("metadata")).put("namespace", "orders");

    var provider =
        send(
            "POST",
            PROVIDERS + STRICT,
            example("capacity-provider.yaml").toString(),
            "application/json");
    var fn = send("POST", FUNCTIONS + STRICT, search.toString(), "application/json");

    assertThat(provider.statusCode()).as(provider.body()).isEqualTo(201);
    assertThat(fn.statusCode()).as(fn.body()).isEqualTo(201);
    assertThat(M.readTree(fn.body()).at("/spec/deletionPolicy").asText()).isEqualTo("Delete");
  }

  @Test
  void aTransitionRuleSeesTheStoredObject() throws Exception {
    var pool = example("capacity-provider.yaml");
    ((ObjectNode) pool.path("metadata")).put("name", "named-pool");
    spec(pool).put("awsName", "first");
    assertThat(send("POST", PROVIDERS, pool.toString(), "application/json").statusCode())
        .isEqualTo(201);

    var response =
        send(
            "PATCH",
            PROVIDERS + "/named-pool",
            "{\"spec\":{\"awsName\":\"second\"}}",
            "application/merge-patch+json");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(M.readTree(response.body()).path("message").asText())
        .endsWith("spec.awsName: Forbidden: awsName is immutable: it names the provider in AWS");
  }

  private static ObjectNode example(String file) throws Exception {
    return (ObjectNode) new YAMLMapper().readTree(EXAMPLES.resolve(file).toFile());
  }

  private static ObjectNode spec(JsonNode object) {
    return (ObjectNode) object.path("spec");
  }

  private HttpResponse<String> send(String method, String path, String body, String type)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(api.url() + path))
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
