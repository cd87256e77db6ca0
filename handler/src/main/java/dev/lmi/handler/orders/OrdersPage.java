package dev.lmi.handler.orders;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** One Scan page: the orders and the key to continue from, or null on the last page. */
public record OrdersPage(List<Order> orders, Map<String, AttributeValue> lastEvaluatedKey) {

  public OrdersPage {
    orders = List.copyOf(orders);
    lastEvaluatedKey = lastEvaluatedKey == null ? null : Map.copyOf(lastEvaluatedKey);
  }
}
