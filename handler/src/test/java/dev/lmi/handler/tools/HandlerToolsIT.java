package dev.lmi.handler.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lmi.handler.testing.DynamoDbLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HandlerToolsIT {

  private static DynamoDbLocalServer server;

  @BeforeAll
  static void start() {
    server = DynamoDbLocalServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void seedOrdersCreatesTheTableAndWritesTheCount() {
    var exit =
        run("seed-orders", "--endpoint-url", endpoint(), "--table", "cli-orders", "--count", "30");
    assertThat(exit).isZero();
    try (var dynamoDb = server.client()) {
      assertThat(dynamoDb.scan(b -> b.tableName("cli-orders")).count()).isEqualTo(30);
    }
    // Seeding again adds to the existing table instead of failing.
    assertThat(
            run(
                "seed-orders",
                "--endpoint-url",
                endpoint(),
                "--table",
                "cli-orders",
                "--count",
                "5"))
        .isZero();
  }

  @Test
  void seedCatalogWritesEmbeddedProductsQueryableByCategory() {
    var exit =
        run(
            "seed-catalog",
            "--endpoint-url",
            endpoint(),
            "--table",
            "cli-products",
            "--size",
            "12",
            "--categories",
            "audio,kitchen",
            "--provider",
            "local");
    assertThat(exit).isZero();
    try (var dynamoDb = server.client()) {
      var audio =
          dynamoDb.query(
              b ->
                  b.tableName("cli-products")
                      .indexName("category-index")
                      .keyConditionExpression("category = :c")
                      .expressionAttributeValues(
                          java.util.Map.of(
                              ":c",
                              software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                  "audio"))));
      assertThat(audio.count()).isEqualTo(6);
      assertThat(audio.items().get(0).get("embedding").b().asByteArray()).hasSize(384 * 4);
    }
  }

  @Test
  void anUnknownProviderFailsWithANonZeroExit() {
    var exit =
        run("seed-catalog", "--endpoint-url", endpoint(), "--table", "x", "--provider", "openai");
    assertThat(exit).isNotZero();
  }

  private static int run(String... args) {
    return new CommandLine(new HandlerTools()).execute(args);
  }

  private static String endpoint() {
    return server.endpoint().toString();
  }
}
