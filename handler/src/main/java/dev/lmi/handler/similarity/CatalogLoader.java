package dev.lmi.handler.similarity;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** Loads the catalog at init: one paginated Query per category on the category GSI. */
public final class CatalogLoader {

  public static final String INDEX_NAME = "category-index";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public CatalogLoader(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  public Catalog load(List<String> categories, int dimension) {
    var indexes = new ArrayList<CategoryIndex>();
    for (var category : categories) {
      indexes.add(CategoryIndex.of(category, query(category), dimension));
    }
    return new Catalog(indexes, dimension);
  }

  /** The categories' queries run concurrently: init time is cold-start time. */
  public Catalog load(List<String> categories, int dimension, ExecutorService executor) {
    var futures = new ArrayList<Future<CategoryIndex>>();
    for (var category : categories) {
      futures.add(executor.submit(() -> CategoryIndex.of(category, query(category), dimension)));
    }
    var indexes = new ArrayList<CategoryIndex>();
    for (var future : futures) {
      try {
        indexes.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading the catalog", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException cause
            ? cause
            : new IllegalStateException("loading the catalog failed", e.getCause());
      }
    }
    return new Catalog(indexes, dimension);
  }

  private List<Product> query(String category) {
    var request =
        QueryRequest.builder()
            .tableName(table)
            .indexName(INDEX_NAME)
            .keyConditionExpression("category = :c")
            .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(category)))
            .build();
    var products = new ArrayList<Product>();
    for (var item : dynamoDb.queryPaginator(request).items()) {
      products.add(toProduct(item));
    }
    return products;
  }

  static Product toProduct(Map<String, AttributeValue> item) {
    var id = item.get("product_id").s();
    var name = item.containsKey("name") ? item.get("name").s() : id;
    return new Product(id, name, item.get("category").s(), embedding(id, item.get("embedding")));
  }

  /** Binary little-endian float32, or a list of numbers. */
  static float[] embedding(String id, AttributeValue value) {
    if (value != null && value.b() != null) {
      var bytes = value.b().asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      if (bytes.remaining() % Float.BYTES != 0) {
        throw new IllegalStateException("embedding of product " + id + " is not float32 data");
      }
      var vector = new float[bytes.remaining() / Float.BYTES];
      bytes.asFloatBuffer().get(vector);
      return vector;
    }
    if (value != null && value.hasL()) {
      var list = value.l();
      var vector = new float[list.size()];
      for (var i = 0; i < vector.length; i++) {
        var number = list.get(i).n();
        if (number == null) {
          throw new IllegalStateException("embedding of product " + id + " has a non-number");
        }
        vector[i] = Float.parseFloat(number);
      }
      return vector;
    }
    throw new IllegalStateException("product " + id + " has no embedding (B or L of N)");
  }

  /** The storage form: little-endian float32 bytes. */
  public static byte[] toBytes(float[] vector) {
    var buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(vector);
    return buffer.array();
  }
}
