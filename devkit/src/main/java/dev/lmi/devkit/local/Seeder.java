package dev.lmi.devkit.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Seeds the orders table and the product catalog through the handler module's CLI, in child JVMs of
 * the same Java: the local embedder (ONNX Runtime and the model) stays out of this process, and its
 * native library stays free for the similarity function that the emulator loads.
 */
final class Seeder {
  private final Path toolsJar;
  private final URI dynamoDb;
  private final PrintStream out;

  Seeder(Path toolsJar, URI dynamoDb, PrintStream out) {
    this.toolsJar = toolsJar;
    this.dynamoDb = dynamoDb;
    this.out = out;
  }

  /** Starts both seeders; the future fails when either fails. */
  CompletableFuture<Void> seed(Manifests manifests, int orders, int products) {
    var ordersTable = manifests.functionEnv("ListOrdersHandler", "TABLE_NAME").orElse("orders");
    var catalog = new ArrayList<>(List.of("seed-catalog", "--table"));
    catalog.add(manifests.functionEnv("SimilarSearchHandler", "TABLE_NAME").orElse("products"));
    catalog.addAll(List.of("--size", String.valueOf(products), "--provider", "local"));
    manifests
        .functionEnv("SimilarSearchHandler", "CATALOG_CATEGORIES")
        .ifPresent(c -> catalog.addAll(List.of("--categories", c)));
    return CompletableFuture.allOf(
        run(List.of("seed-orders", "--table", ordersTable, "--count", String.valueOf(orders))),
        run(catalog));
  }

  private CompletableFuture<Void> run(List<String> args) {
    return CompletableFuture.runAsync(
        () -> {
          // The seeders' temp files (the embedder's natives) go where this JVM's go.
          var command =
              new ArrayList<>(
                  List.of(
                      ChildJvm.javaExecutable(),
                      "--enable-native-access=ALL-UNNAMED",
                      "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                      "-jar",
                      toolsJar.toString()));
          command.addAll(args);
          command.addAll(List.of("--endpoint-url", dynamoDb.toString(), "--region", "us-east-1"));
          try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var output =
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
              throw new IllegalStateException(args.get(0) + " failed:\n" + output);
            }
            // The whole output is for the log (System.out is the log file in the local mode).
            System.out.print(output);
            output.lines().filter(l -> l.startsWith("seeded")).forEach(l -> out.println("  " + l));
          } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(args.get(0) + " interrupted", e);
          }
        });
  }
}
