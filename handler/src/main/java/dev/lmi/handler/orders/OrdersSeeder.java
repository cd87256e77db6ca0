package dev.lmi.handler.orders;

import dev.lmi.handler.common.TableWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** {@code seed-orders}: creates the orders table if missing and writes generated orders. */
public final class OrdersSeeder {

  private static final String[] NAMES = {
    "Alice", "Bob", "Carol", "Dave", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory",
    "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Zoe"
  };

  private OrdersSeeder() {}

  /** Writes {@code count} orders (random UUID ids) and returns their ids. */
  public static List<String> seed(DynamoDbClient dynamoDb, String table, int count) {
    createTableIfMissing(dynamoDb, table);
    var random = new Random();
    var now = Instant.now().getEpochSecond();
    var ids = new ArrayList<String>(count);
    var items = new ArrayList<Map<String, AttributeValue>>(count);
    for (var i = 0; i < count; i++) {
      var id = UUID.randomUUID().toString();
      ids.add(id);
      items.add(
          Map.of(
              "id", AttributeValue.fromS(id),
              "name", AttributeValue.fromS(NAMES[random.nextInt(NAMES.length)]),
              "item_count", AttributeValue.fromN(Integer.toString(1 + random.nextInt(9))),
              "created_at", AttributeValue.fromN(Long.toString(now - random.nextInt(86_400)))));
    }
    TableWriter.putAll(dynamoDb, table, items);
    return ids;
  }

  public static void createTableIfMissing(DynamoDbClient dynamoDb, String table) {
    TableWriter.createIfMissing(
        dynamoDb,
        CreateTableRequest.builder()
            .tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder()
                    .attributeName("id")
                    .attributeType(ScalarAttributeType.S)
                    .build())
            .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
            .build());
  }
}
