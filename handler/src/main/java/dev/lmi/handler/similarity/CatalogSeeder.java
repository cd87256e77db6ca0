package dev.lmi.handler.similarity;

import dev.lmi.handler.common.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** {@code seed-catalog}: creates the products table and its GSI if missing, writes a catalog. */
public final class CatalogSeeder {

  public static final List<String> DEFAULT_CATEGORIES =
      List.of("audio", "electronics", "computers", "kitchen", "home", "sports", "outdoors", "toys");
  public static final int DEFAULT_SIZE = 10_000;
  private static final int CHUNK = 100;

  private CatalogSeeder() {}

  /** Writes {@code size} generated products with embeddings from {@code embedder}; returns size. */
  public static int seed(
      DynamoDbClient dynamoDb, Embedder embedder, String table, int size, List<String> categories) {
    createTableIfMissing(dynamoDb, table);
    var drafts = ProductGenerator.generate(size, categories, 42);
    var threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    try (var pool = Executors.newFixedThreadPool(threads)) {
      for (var start = 0; start < drafts.size(); start += CHUNK) {
        var chunk = drafts.subList(start, Math.min(drafts.size(), start + CHUNK));
        TableWriter.putAll(dynamoDb, table, embedAll(pool, embedder, chunk));
      }
    }
    return drafts.size();
  }

  private static List<Map<String, AttributeValue>> embedAll(
      java.util.concurrent.ExecutorService pool,
      Embedder embedder,
      List<ProductGenerator.Draft> drafts) {
    var tasks = new ArrayList<Callable<Map<String, AttributeValue>>>();
    for (var draft : drafts) {
      tasks.add(() -> item(draft, embedder.embed(draft.embeddingText(), Embedder.Purpose.INDEX)));
    }
    var items = new ArrayList<Map<String, AttributeValue>>();
    try {
      for (var future : pool.invokeAll(tasks)) {
        items.add(future.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding the catalog", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("embedding the catalog failed", e.getCause());
    }
    return items;
  }

  private static Map<String, AttributeValue> item(ProductGenerator.Draft draft, float[] vector) {
    return Map.of(
        "product_id", AttributeValue.fromS(draft.productId()),
        "name", AttributeValue.fromS(draft.name()),
        "description", AttributeValue.fromS(draft.description()),
        "category", AttributeValue.fromS(draft.category()),
        "embedding", AttributeValue.fromB(SdkBytes.fromByteArray(CatalogLoader.toBytes(vector))));
  }

  public static void createTableIfMissing(DynamoDbClient dynamoDb, String table) {
    TableWriter.createIfMissing(
        dynamoDb,
        CreateTableRequest.builder()
            .tableName(table)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attribute("product_id"), attribute("category"))
            .keySchema(key("product_id", KeyType.HASH))
            .globalSecondaryIndexes(
                GlobalSecondaryIndex.builder()
                    .indexName(CatalogLoader.INDEX_NAME)
                    .keySchema(key("category", KeyType.HASH), key("product_id", KeyType.RANGE))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build())
            .build());
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder()
        .attributeName(name)
        .attributeType(ScalarAttributeType.S)
        .build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
