package dev.lmi.handler.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Seeding helpers: idempotent table creation and batched writes that retry unprocessed items. */
public final class TableWriter {

  private static final int BATCH = 25;

  private TableWriter() {}

  /** Creates the table unless it exists, then waits until it is active. */
  public static void createIfMissing(DynamoDbClient dynamoDb, CreateTableRequest request) {
    var table = request.tableName();
    try {
      dynamoDb.describeTable(b -> b.tableName(table));
    } catch (ResourceNotFoundException missing) {
      try {
        dynamoDb.createTable(request);
      } catch (ResourceInUseException raced) {
        // Another seeder created it meanwhile: fine, wait below.
      }
    }
    try (var waiter = dynamoDb.waiter()) {
      waiter.waitUntilTableExists(b -> b.tableName(table));
    }
  }

  public static void putAll(
      DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> items) {
    for (var start = 0; start < items.size(); start += BATCH) {
      var batch = new ArrayList<WriteRequest>();
      for (var item : items.subList(start, Math.min(items.size(), start + BATCH))) {
        batch.add(
            WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
      }
      write(dynamoDb, Map.of(table, batch));
    }
  }

  private static void write(DynamoDbClient dynamoDb, Map<String, List<WriteRequest>> requests) {
    var pending = requests;
    for (var attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt > 0) {
        sleep(Math.min(1_000, 20L << Math.min(attempt, 6)));
      }
      var response =
          dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(pending).build());
      pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding", e);
    }
  }
}
