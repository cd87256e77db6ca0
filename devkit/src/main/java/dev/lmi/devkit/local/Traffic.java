package dev.lmi.devkit.local;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A traffic generator: one thread invoking an alias without pause, counting the answers by the
 * version that served them (the X-Amz-Executed-Version of each answer) and the function errors.
 */
final class Traffic implements AutoCloseable {
  private final Map<String, long[]> byVersion = new TreeMap<>();
  private final Thread thread;
  private volatile boolean on = true;

  private Traffic(LambdaClient lambda, String function, String alias, String payload) {
    thread =
        Thread.ofPlatform()
            .daemon()
            .name("lmi-local-traffic")
            .start(() -> send(lambda, function, alias, payload));
  }

  static Traffic start(LambdaClient lambda, String function, String alias, String payload) {
    return new Traffic(lambda, function, alias, payload);
  }

  private void send(LambdaClient lambda, String function, String alias, String payload) {
    while (on) {
      try {
        var r =
            lambda.invoke(
                b ->
                    b.functionName(function)
                        .qualifier(alias)
                        .payload(SdkBytes.fromUtf8String(payload)));
        count(r.executedVersion(), r.functionError() != null);
      } catch (RuntimeException e) {
        count("failed", true);
      }
    }
  }

  private synchronized void count(String version, boolean error) {
    var c = byVersion.computeIfAbsent(version == null ? "?" : version, v -> new long[2]);
    c[0]++;
    if (error) {
      c[1]++;
    }
  }

  /** "traffic: 412 invocations; version 1: 301, version 2: 111 (33 errors)". */
  synchronized String summary() {
    var total = byVersion.values().stream().mapToLong(c -> c[0]).sum();
    var out = new StringBuilder("traffic: ").append(total).append(" invocations");
    var sep = "; ";
    for (var e : byVersion.entrySet()) {
      out.append(sep).append("version ").append(e.getKey()).append(": ").append(e.getValue()[0]);
      if (e.getValue()[1] > 0) {
        out.append(" (").append(e.getValue()[1]).append(" errors)");
      }
      sep = ", ";
    }
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    on = false;
    thread.join(5_000);
  }
}
