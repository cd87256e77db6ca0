package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiStatusTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final Admission.Cause MEMORY =
      new Admission.Cause(
          "FieldValueInvalid", "spec.memoryMiB", "Invalid value: 3000: not a multiple");
  private static final Admission.Cause ROLE =
      new Admission.Cause("FieldValueRequired", "spec.roleArn", "Required value");

  @Test
  void anInvalidObjectIsA422WithOneCausePerError() throws Exception {
    var response = ApiStatus.invalid("lmi.dev", "LmiFunction", "x", List.of(MEMORY, ROLE));
    var body = body(response);

    assertThat(response.code()).isEqualTo(422);
    assertThat(body.path("reason").asText()).isEqualTo("Invalid");
    assertThat(body.path("message").asText())
        .isEqualTo(
            "LmiFunction.lmi.dev \"x\" is invalid: [spec.memoryMiB: Invalid value: 3000: not a"
                + " multiple, spec.roleArn: Required value]");
    assertThat(body.at("/details/kind").asText()).isEqualTo("LmiFunction");
    assertThat(body.at("/details/group").asText()).isEqualTo("lmi.dev");
    assertThat(body.at("/details/causes/1/reason").asText()).isEqualTo("FieldValueRequired");
    assertThat(body.at("/details/causes/1/field").asText()).isEqualTo("spec.roleArn");
    assertThat(body.at("/details/causes/1/message").asText()).isEqualTo("Required value");
  }

  @Test
  void oneErrorIsNotBracketedAndRepeatsAreShownOnce() throws Exception {
    var body = body(ApiStatus.invalid("lmi.dev", "LmiFunction", "x", List.of(MEMORY, MEMORY)));

    assertThat(body.path("message").asText())
        .isEqualTo(
            "LmiFunction.lmi.dev \"x\" is invalid: spec.memoryMiB: Invalid value: 3000: not a multiple");
  }

  @Test
  void namesTheResourceAsRealServersDo() throws Exception {
    assertThat(body(ApiStatus.notFound("lmi.dev", "lmifunctions", "x")).path("message").asText())
        .isEqualTo("lmifunctions.lmi.dev \"x\" not found");
    assertThat(body(ApiStatus.notFound("", "namespaces", "team")).path("message").asText())
        .isEqualTo("namespaces \"team\" not found");
    var conflict = ApiStatus.conflict("lmi.dev", "lmifunctions", "x");
    assertThat(conflict.code()).isEqualTo(409);
    assertThat(body(conflict).path("message").asText())
        .startsWith(
            "Operation cannot be fulfilled on lmifunctions.lmi.dev \"x\": the object has been modified");
  }

  @Test
  void quotesNamesAsGoDoes() {
    assertThat(GoQuote.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
  }

  private static JsonNode body(MockResponse response) throws Exception {
    return M.readTree(Store.body(response));
  }
}
