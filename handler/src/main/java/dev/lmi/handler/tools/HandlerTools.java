package dev.lmi.handler.tools;

import dev.lmi.handler.common.AwsClients;
import dev.lmi.handler.common.Env;
import dev.lmi.handler.orders.OrdersSeeder;
import dev.lmi.handler.similarity.CatalogSeeder;
import dev.lmi.handler.similarity.Embedders;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code java -jar lmi-handler-tools.jar seed-orders|seed-catalog ...}: seeds the tables. */
@Command(
    name = "lmi-handler-tools",
    mixinStandardHelpOptions = true,
    subcommands = {HandlerTools.SeedOrders.class, HandlerTools.SeedCatalog.class})
public final class HandlerTools {

  public static void main(String[] args) {
    System.exit(new CommandLine(new HandlerTools()).execute(args));
  }

  /** Where DynamoDB is; unset options fall back to the usual AWS environment variables. */
  static final class Target {
    @Option(names = "--endpoint-url", description = "DynamoDB endpoint, e.g. http://127.0.0.1:8000")
    String endpointUrl;

    @Option(names = "--region", description = "AWS region (default: AWS_REGION or us-east-1)")
    String region;

    /** The process environment with the command-line options on top. */
    Env env() {
      var system = Env.system();
      var overrides = new HashMap<String, String>();
      if (endpointUrl != null) {
        overrides.put("AWS_ENDPOINT_URL_DYNAMODB", endpointUrl);
        // DynamoDB Local accepts any credentials; do not make users invent some.
        if (system.get("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null) {
          overrides.put("AWS_ACCESS_KEY_ID", "local");
          overrides.put("AWS_SECRET_ACCESS_KEY", "local");
        }
      }
      if (region != null) {
        overrides.put("AWS_REGION", region);
      }
      return name -> overrides.containsKey(name) ? overrides.get(name) : system.raw(name);
    }
  }

  @Command(
      name = "seed-orders",
      description = "Create the orders table if missing and write N orders.")
  static final class SeedOrders implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--table", defaultValue = "orders")
    String table;

    @Option(names = "--count", defaultValue = "100")
    int count;

    @Override
    public Integer call() {
      try (var dynamoDb = AwsClients.dynamoDb(target.env())) {
        var ids = OrdersSeeder.seed(dynamoDb, table, count);
        System.out.println("seeded " + ids.size() + " orders into " + table);
      }
      return 0;
    }
  }

  @Command(
      name = "seed-catalog",
      description =
          "Create the products table (GSI category-index) if missing and write a catalog.")
  static final class SeedCatalog implements Callable<Integer> {
    @Mixin Target target;

    @Option(names = "--table", defaultValue = "products")
    String table;

    @Option(names = "--size", defaultValue = "" + CatalogSeeder.DEFAULT_SIZE)
    int size;

    @Option(names = "--categories", split = ",", description = "default: the 8 built-in ones")
    List<String> categories;

    @Option(
        names = "--provider",
        description = "bedrock or local (default: EMBEDDING_PROVIDER or bedrock)")
    String provider;

    @Option(
        names = "--model-id",
        description = "Bedrock model (default: EMBEDDING_MODEL_ID or Nova)")
    String modelId;

    @Option(names = "--dimension", description = "default: EMBEDDING_DIMENSION or the model's")
    Integer dimension;

    @Override
    public Integer call() {
      var base = target.env();
      var overrides = new HashMap<String, String>();
      if (provider != null) {
        overrides.put("EMBEDDING_PROVIDER", provider);
      }
      if (modelId != null) {
        overrides.put("EMBEDDING_MODEL_ID", modelId);
      }
      if (dimension != null) {
        overrides.put("EMBEDDING_DIMENSION", dimension.toString());
      }
      Env env = name -> overrides.containsKey(name) ? overrides.get(name) : base.raw(name);
      var embedder = Embedders.fromEnv(env);
      var chosen = categories == null ? CatalogSeeder.DEFAULT_CATEGORIES : categories;
      try (var dynamoDb = AwsClients.dynamoDb(env)) {
        var written = CatalogSeeder.seed(dynamoDb, embedder, table, size, chosen);
        System.out.println(
            "seeded " + written + " products into " + table + " with " + embedder.modelId());
      }
      return 0;
    }
  }
}
