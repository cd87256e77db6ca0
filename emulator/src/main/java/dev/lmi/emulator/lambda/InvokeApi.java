package dev.lmi.emulator.lambda;

import dev.lmi.emulator.code.EnvironmentPool;
import dev.lmi.emulator.code.InvokeResult;
import dev.lmi.emulator.http.ApiException;
import dev.lmi.emulator.http.Request;
import dev.lmi.emulator.http.Response;
import dev.lmi.emulator.lambda.Invocation.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Invoke (RequestResponse, Event and DryRun): runs the handler and reports each invocation. */
final class InvokeApi {
  private final LambdaState s;
  private final InvokeTargets targets;
  private final Invocation.Sink sink;

  InvokeApi(LambdaState state, Provisioner provisioner, Invocation.Sink sink) {
    this.s = state;
    this.targets = new InvokeTargets(state, provisioner);
    this.sink = sink;
  }

  Response invoke(Request r) {
    var target = targets.resolve(r);
    var type = r.headers().getOrDefault("X-Amz-Invocation-Type", "RequestResponse");
    if (type.equals("DryRun")) {
      return Response.empty(204);
    }
    var pool = targets.pool(target);
    var requestId = UUID.randomUUID().toString();
    if (type.equals("Event")) {
      // Asynchronous invocation: accepted at once; a throttled event is dropped, not retried.
      Thread.ofVirtual().start(() -> runQuietly(target, pool, r.body(), requestId));
      return Response.empty(202);
    }
    var result = run(target, pool, r.body(), requestId);
    var response = new Response(200, new LinkedHashMap<>(), result.payload());
    response.header("Content-Type", "application/json");
    response.header("X-Amz-Executed-Version", target.v().version);
    if (result.functionError() != null) {
      response.header("X-Amz-Function-Error", result.functionError());
    }
    return response;
  }

  /** Runs the handler (or the failure an admin injected) and reports the invocation. */
  private InvokeResult run(
      InvokeTargets.Target t, EnvironmentPool pool, byte[] payload, String requestId) {
    var started = System.nanoTime();
    InvokeResult result;
    if (s.invocationFailures.fails(t.fn().name, t.v().version)) {
      result = injected(t);
    } else {
      try {
        result = pool.invoke(payload, requestId, t.invokedArn());
      } catch (ApiException e) {
        if (e.status() == 429) {
          report(t, Outcome.THROTTLED, 0);
        }
        throw e;
      }
    }
    var outcome = result.functionError() == null ? Outcome.SUCCESS : Outcome.FUNCTION_ERROR;
    report(t, outcome, (System.nanoTime() - started) / 1e6);
    return result;
  }

  private void report(InvokeTargets.Target t, Outcome outcome, double millis) {
    sink.record(
        new Invocation(t.fn().name, t.qualifier(), t.alias(), t.v().version, outcome, millis));
  }

  private static InvokeResult injected(InvokeTargets.Target t) {
    var error =
        Map.of(
            "errorMessage",
            "[lmi-emulator] injected failure of " + t.fn().name + ":" + t.v().version,
            "errorType",
            "InjectedFunctionError");
    return new InvokeResult(
        Json.write(error).getBytes(java.nio.charset.StandardCharsets.UTF_8), "Unhandled");
  }

  private void runQuietly(InvokeTargets.Target t, EnvironmentPool pool, byte[] payload, String id) {
    try {
      run(t, pool, payload, id);
    } catch (RuntimeException e) {
      System.out.println(
          "[lmi-emulator] asynchronous invocation of " + t.invokedArn() + " failed: " + e);
    }
  }
}
