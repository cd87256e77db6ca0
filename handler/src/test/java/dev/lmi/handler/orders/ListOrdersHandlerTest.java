package dev.lmi.handler.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lmi.handler.common.Env;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ListOrdersHandlerTest {

  @Test
  void initFailsClearlyWithoutTableName() {
    assertThatThrownBy(() -> new ListOrdersHandler(Env.of(Map.of("AWS_REGION", "us-east-1"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TABLE_NAME");
  }

  @Test
  void tokensRoundTripThroughTheCodec() throws Exception {
    var key = Map.of("id", AttributeValue.fromS("0b6b6c9e-5f0e-4a57-9a51-0d7f1f0a9b11"));
    var token = PageToken.encode(key);
    assertThat(token).doesNotContain("+", "/");
    assertThat(PageToken.decode(token)).isEqualTo(key);
  }

  @Test
  void absentOrEmptyTokenMeansTheFirstPage() throws Exception {
    assertThat(PageToken.decode(null)).isNull();
    assertThat(PageToken.decode("")).isNull();
  }

  @Test
  void limitDefaultsToTen() throws Exception {
    assertThat(ListOrdersQuery.parse(null, null).limit()).isEqualTo(10);
    assertThat(ListOrdersQuery.parse("100", null).limit()).isEqualTo(100);
  }

  @Test
  void envFallsBackToLmiEnvSystemProperties() {
    System.setProperty("lmi.env.LMI_HANDLER_TEST_VAR", "from-property");
    try {
      assertThat(Env.system().get("LMI_HANDLER_TEST_VAR")).isEqualTo("from-property");
    } finally {
      System.clearProperty("lmi.env.LMI_HANDLER_TEST_VAR");
    }
  }
}
