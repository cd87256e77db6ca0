package dev.lmi.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {
  private static final ObjectMapper M = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tier=gold|true",
        "tier==gold|true",
        "tier!=gold|false",
        "tier!=silver|true",
        "tier in (gold,silver)|true",
        "tier in (silver, bronze)|false",
        "tier notin (silver)|true",
        "tier|true",
        "!tier|false",
        "canary|false",
        "!canary|true",
        "canary!=yes|true",
        "canary notin (yes)|true",
        "tier in (gold),team=a|true",
        "tier in (gold),team=b|false",
        "''|true"
      })
  void matchesAsTheApiServerDoes(String selector, boolean selected) throws Exception {
    assertThat(LabelSelector.parse(selector).matches(labelled())).isEqualTo(selected);
  }

  @ParameterizedTest
  @CsvSource({"'tier in gold'", "'a=b=c'", "'=x'"})
  void refusesWhatItCannotParse(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector))
        .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.response().code()).isEqualTo(400));
  }

  private static JsonNode labelled() throws Exception {
    return M.readTree("{\"metadata\":{\"labels\":{\"tier\":\"gold\",\"team\":\"a\"}}}");
  }
}
