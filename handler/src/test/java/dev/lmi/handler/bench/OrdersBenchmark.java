package dev.lmi.handler.bench;

import dev.lmi.handler.common.EmfMetrics;
import dev.lmi.handler.common.JsonLogger;
import dev.lmi.handler.orders.ListOrdersHandler;
import dev.lmi.handler.orders.OrdersSeeder;
import dev.lmi.handler.orders.OrdersTable;
import dev.lmi.handler.testing.DynamoDbLocalServer;
import dev.lmi.handler.testing.Events;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Benchmark (not a test): the orders handler against a raw Scan of the same page on DynamoDB Local,
 * so the handler's own cost (parsing, validation, token, JSON, logs, EMF) is visible. Run: {@code
 * mvn -pl handler test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.lmi.handler.bench.OrdersBenchmark}.
 */
public final class OrdersBenchmark {

  private static final int ORDERS = 2_000;
  private static final int SAMPLES = 400;

  private OrdersBenchmark() {}

  public static void main(String[] args) {
    try (var server = DynamoDbLocalServer.start();
        var dynamoDb = server.client()) {
      OrdersSeeder.seed(dynamoDb, "orders", ORDERS);
      var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      var handler =
          new ListOrdersHandler(
              new OrdersTable(dynamoDb, "orders"),
              new JsonLogger("Orders", JsonLogger.Level.INFO, quiet),
              new EmfMetrics("orders_kpi", "Orders", quiet));
      System.out.printf(
          "orders_bench: DynamoDB Local in-memory, %d orders, %d samples per case%n",
          ORDERS, SAMPLES);
      for (var limit : new int[] {10, 100}) {
        var event = Events.load("list-orders.json");
        event.putObject("queryStringParameters").put("limit", Integer.toString(limit));
        var scan =
            ScanRequest.builder()
                .tableName("orders")
                .limit(limit)
                .projectionExpression("id, #name, item_count")
                .expressionAttributeNames(Map.of("#name", "name"))
                .build();
        var both = measure(() -> dynamoDb.scan(scan), () -> Events.invoke(handler, event));
        var raw = both[0];
        var viaHandler = both[1];
        System.out.printf(
            "orders_bench limit=%d raw_scan_ms_median=%.3f handler_ms_median=%.3f overhead_ms=%.3f (p90 raw %.3f, handler %.3f)%n",
            limit, raw[0], viaHandler[0], viaHandler[0] - raw[0], raw[1], viaHandler[1]);
      }
    }
    // DynamoDB Local leaves non-daemon threads behind that keep the JVM up for minutes.
    System.exit(0);
  }

  /** Median and p90 in milliseconds of each call, alternating them so drift hits both alike. */
  private static double[][] measure(Supplier<?> first, Supplier<?> second) {
    for (var i = 0; i < SAMPLES; i++) {
      first.get();
      second.get();
    }
    var a = new double[SAMPLES];
    var b = new double[SAMPLES];
    for (var i = 0; i < SAMPLES; i++) {
      a[i] = time(first);
      b[i] = time(second);
    }
    return new double[][] {summary(a), summary(b)};
  }

  private static double time(Supplier<?> call) {
    var start = System.nanoTime();
    call.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static double[] summary(double[] samples) {
    Arrays.sort(samples);
    return new double[] {samples[SAMPLES / 2], samples[(int) (SAMPLES * 0.9)]};
  }
}
