package dev.lmi.handler.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {

  @Test
  void aServiceSpecificEndpointWinsOverTheGeneralOne() {
    var env =
        Env.of(
            Map.of(
                "AWS_ENDPOINT_URL", "http://general:1",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://dynamodb:2"));
    assertThat(AwsClients.endpoint(env, "DYNAMODB", "aws.endpointUrlDynamoDb"))
        .isEqualTo(URI.create("http://dynamodb:2"));
    assertThat(AwsClients.endpoint(env, "BEDROCK_RUNTIME", "aws.endpointUrlBedrockRuntime"))
        .isEqualTo(URI.create("http://general:1"));
    assertThat(AwsClients.endpoint(Env.of(Map.of()), "DYNAMODB", "aws.endpointUrlDynamoDb"))
        .isNull();
  }

  @Test
  void keysPassedOnlyThroughEnvAreUsedAsGiven() {
    var env = Env.of(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "secret"));
    var provider = AwsClients.credentials(env);
    if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
      assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
      assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("local");
    }
  }

  @Test
  void regionDefaultsToUsEast1() {
    assertThat(AwsClients.region(Env.of(Map.of("AWS_REGION", "eu-west-1"))))
        .isEqualTo(Region.EU_WEST_1);
    if (System.getProperty("aws.region") == null) {
      assertThat(AwsClients.region(Env.of(Map.of()))).isEqualTo(Region.US_EAST_1);
    }
  }

  @Test
  void logLinesAreJsonWithServiceLevelAndCorrelationIdAndHonourLogLevel() throws Exception {
    var buffer = new ByteArrayOutputStream();
    var log =
        new JsonLogger(
            "Orders", JsonLogger.Level.INFO, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    log.debug("r-1", "hidden", Map.of());
    log.info("r-2", "shown", Map.of("count", 3));
    var line = Json.MAPPER.readTree(buffer.toString(StandardCharsets.UTF_8).trim());
    assertThat(line.get("level").textValue()).isEqualTo("INFO");
    assertThat(line.get("service").textValue()).isEqualTo("Orders");
    assertThat(line.get("correlation_id").textValue()).isEqualTo("r-2");
    assertThat(line.get("count").intValue()).isEqualTo(3);
    assertThat(JsonLogger.fromEnv(Env.of(Map.of("LOG_LEVEL", "verbose")), "Orders").service())
        .isEqualTo("Orders");
  }
}
