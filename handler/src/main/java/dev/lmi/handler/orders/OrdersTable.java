package dev.lmi.handler.orders;

import java.math.BigDecimal;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The orders table: exactly one Scan per page (the function's only permission). */
public final class OrdersTable {

  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public OrdersTable(DynamoDbClient dynamoDb, String tableName) {
    this.dynamoDb = dynamoDb;
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  public OrdersPage page(int limit, Map<String, AttributeValue> startKey) {
    var request =
        ScanRequest.builder()
            .tableName(tableName)
            .limit(limit)
            .projectionExpression("id, #name, item_count")
            .expressionAttributeNames(Map.of("#name", "name"))
            .exclusiveStartKey(startKey)
            .build();
    var response = dynamoDb.scan(request);
    var orders = response.items().stream().map(OrdersTable::toOrder).toList();
    return new OrdersPage(
        orders, response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
  }

  private static Order toOrder(Map<String, AttributeValue> item) {
    var count = item.get("item_count");
    return new Order(
        item.get("id").s(),
        item.containsKey("name") ? item.get("name").s() : null,
        count == null || count.n() == null ? 0 : new BigDecimal(count.n()).longValue());
  }
}
