package dev.lmi.emulator.lambda;

import dev.lmi.emulator.code.EnvironmentPool;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Invoke (RequestResponse and DryRun): resolves version or alias, then runs the handler. */
final class InvokeApi {
  private final LambdaState s;
  private final Provisioner provisioner;
  private final Random random = new Random();

  InvokeApi(LambdaState state, Provisioner provisioner) {
    this.s = state;
    this.provisioner = provisioner;
  }

  private record Target(
      EnvironmentPool pool,
      String version,
      String invokedArn,
      LambdaFunction fn,
      FunctionVersion v) {}

  Response invoke(Request r) {
    var target = resolve(r);
    var type = r.headers().getOrDefault("X-Amz-Invocation-Type", "RequestResponse");
    if (type.equals("DryRun")) {
      return Response.empty(204);
    }
    var pool = target.pool() != null ? target.pool() : standardPool(target);
    var requestId = UUID.randomUUID().toString();
    if (type.equals("Event")) {
      // Asynchronous invocation: accepted at once; a throttled event is dropped, not retried.
      Thread.ofVirtual().start(() -> runQuietly(pool, r.body(), requestId, target.invokedArn()));
      return Response.empty(202);
    }
    var result = pool.invoke(r.body(), requestId, target.invokedArn());
    var response = new Response(200, new java.util.LinkedHashMap<>(), result.payload());
    response.header("Content-Type", "application/json");
    response.header("X-Amz-Executed-Version", target.version());
    if (result.functionError() != null) {
      response.header("X-Amz-Function-Error", result.functionError());
    }
    return response;
  }

  private static void runQuietly(EnvironmentPool pool, byte[] payload, String id, String arn) {
    try {
      pool.invoke(payload, id, arn);
    } catch (RuntimeException e) {
      System.out.println("[lmi-emulator] asynchronous invocation of " + arn + " failed: " + e);
    }
  }

  private Target resolve(Request r) {
    synchronized (s) {
      s.settle();
      var label = r.param("FunctionName");
      var fn = s.function(label);
      var qualifier = effectiveQualifier(fn, Names.qualifier(label, r.query().get("Qualifier")));
      var invokedArn = qualifier == null ? fn.arn : s.qualifiedArn(fn.name, qualifier);
      var v = s.version(fn, pick(fn, qualifier));
      if (!v.state().equals("Active") || fn.deleting) {
        throw LambdaErrors.inState(fn.deleting ? "Deleting" : v.state());
      }
      if (v.code.runnable() == null) {
        throw LambdaErrors.invalid(
            "[lmi-emulator] Cannot run the code of "
                + invokedArn
                + ": "
                + v.code.notRunnableReason());
      }
      return new Target(v.pool, v.version, invokedArn, fn, v);
    }
  }

  /**
   * LMI serves published versions only: unqualified means $LATEST.PUBLISHED, $LATEST is refused.
   */
  private static String effectiveQualifier(LambdaFunction fn, String qualifier) {
    if (!fn.lmi) {
      return qualifier;
    }
    if ("$LATEST".equals(qualifier)) {
      throw LambdaErrors.invalid(
          "Functions on a capacity provider can't be invoked with $LATEST qualifier. Invoke a"
              + " published version or an alias instead.");
    }
    if (qualifier == null && !fn.versions.containsKey(PublishApi.LATEST_PUBLISHED)) {
      throw LambdaErrors.noPublishedVersion(fn.arn);
    }
    return qualifier == null ? PublishApi.LATEST_PUBLISHED : qualifier;
  }

  /** Honours an alias's RoutingConfig weights; a version qualifier is returned as is. */
  private String pick(LambdaFunction fn, String qualifier) {
    var alias = qualifier == null ? null : fn.aliases.get(qualifier);
    if (alias == null) {
      return qualifier;
    }
    var weights = alias.path("RoutingConfig").path("AdditionalVersionWeights");
    var primary = alias.path("FunctionVersion").asText();
    if (weights.isObject() && !weights.isEmpty()) {
      var extra = weights.fieldNames().next();
      double roll;
      synchronized (random) {
        roll = random.nextDouble();
      }
      return roll < weights.get(extra).asDouble() ? extra : primary;
    }
    return primary;
  }

  /** Standard (non-LMI) functions get one environment on first use, like a cold start. */
  private EnvironmentPool standardPool(Target t) {
    var outcome = new CompletableFuture<EnvironmentPool.InitOutcome>();
    EnvironmentPool pool;
    synchronized (s) {
      if (t.v().pool != null) {
        return t.v().pool;
      }
      pool = EnvironmentPool.start(provisioner.spec(t.fn(), t.v()), 1, s.initExecutor, outcome);
    }
    var result = outcome.join();
    if (result.reasonCode() != null) {
      throw LambdaErrors.invalid(
          "[lmi-emulator] Init failed (" + result.reasonCode() + "): " + result.reason());
    }
    synchronized (s) {
      if (t.v().pool == null) {
        t.v().pool = pool;
        return pool;
      }
    }
    pool.close();
    return t.v().pool;
  }
}
