package dev.lmi.handler.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.handler.common.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchRequestTest {

  private static final List<String> KNOWN = List.of("audio", "electronics", "kitchen");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "[]                                     | request body must be a JSON object",
        "\"headphones\"                         | request body must be a JSON object",
        "{}                                     | query is required",
        "{\"query\":null}                       | query is required",
        "{\"query\":42}                         | query must be a string",
        "{\"query\":[\"a\"]}                    | query must be a string",
        "{\"query\":\"   \"}                    | query must not be blank",
        "{\"query\":\"a\",\"top_k\":0}          | top_k must be an integer between 1 and 50, got 0",
        "{\"query\":\"a\",\"top_k\":51}         | top_k must be an integer between 1 and 50, got 51",
        "{\"query\":\"a\",\"top_k\":2.5}        | top_k must be an integer between 1 and 50, got 2.5",
        "{\"query\":\"a\",\"top_k\":\"5\"}      | top_k must be an integer between 1 and 50, got \"5\"",
        "{\"query\":\"a\",\"top_k\":1e10}       | top_k must be an integer between 1 and 50, got 1.0E10",
        "{\"query\":\"a\",\"categories\":\"audio\"} | categories must be a non-empty list of category names",
        "{\"query\":\"a\",\"categories\":[]}    | categories must be a non-empty list of category names",
        "{\"query\":\"a\",\"categories\":[1]}   | categories must contain only strings, got 1",
        "{\"query\":\"a\",\"categories\":[\"toys\"]} | unknown category 'toys'; valid categories: audio, electronics, kitchen",
      })
  void rejectsBadShapesWithPreciseMessages(String body, String message) throws Exception {
    var json = Json.MAPPER.readTree(body);
    assertThatThrownBy(() -> SearchRequest.parse(json, KNOWN))
        .isInstanceOf(SearchRequest.InvalidRequestException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsQueriesOverTwoThousandCharacters() {
    var json = Json.object().put("query", "x".repeat(2_001));
    assertThatThrownBy(() -> SearchRequest.parse(json, KNOWN))
        .hasMessage("query must be at most 2000 characters, got 2001");
  }

  @Test
  void defaultsToFivePerCategoryOverEveryCategory() throws Exception {
    var request = SearchRequest.parse(Json.object().put("query", "kettle"), KNOWN);
    assertThat(request.topK()).isEqualTo(5);
    assertThat(request.categories()).isEqualTo(KNOWN);
  }

  @Test
  void keepsTheRequestedCategoriesOnceEach() throws Exception {
    var body =
        Json.MAPPER.readTree(
            "{\"query\":\"q\",\"top_k\":50,\"categories\":[\"kitchen\",\"audio\",\"kitchen\"]}");
    var request = SearchRequest.parse(body, KNOWN);
    assertThat(request.categories()).containsExactly("kitchen", "audio");
    assertThat(request.topK()).isEqualTo(50);
  }
}
