package dev.lmi.emulator.lambda;

import dev.lmi.emulator.code.EnvironmentPool;
import dev.lmi.emulator.code.EnvironmentPool.InitOutcome;
import dev.lmi.emulator.code.FunctionSpec;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;

/** Brings a published LMI version to Active (or Failed) by initialising its environments. */
final class Provisioner {
  private final LambdaState s;

  Provisioner(LambdaState state) {
    this.s = state;
  }

  /**
   * Reserves the version's environments on its provider and starts their init in the background;
   * the state follows on settle. A version that does not fit the provider's MaxVCpuCount fails.
   */
  void provision(LambdaFunction fn, FunctionVersion v, boolean republish) {
    var outcome = new CompletableFuture<InitOutcome>();
    var injected = s.failNextPublish.remove(fn.name);
    var vcpus = CapacityLedger.need(v, CapacityLedger.environments(v.scaling));
    EnvironmentPool pool = null;
    if (injected != null) {
      outcome.complete(new InitOutcome(injected[0], injected[1]));
    } else if (!s.capacity.fits(v, vcpus)) {
      outcome.complete(new InitOutcome(CapacityLedger.REASON_CODE, s.capacity.reason(v, vcpus)));
    } else {
      v.reservedVcpus = vcpus;
      pool = start(fn, v, outcome);
    }
    var started = pool;
    if (v.starting != null) {
      v.starting.close();
    }
    v.starting = pool;
    var due = Clock.after(s.timings.versionPublish());
    v.transition =
        new Transition(due, outcome, () -> finish(v, outcome.join(), started, republish));
    s.unsettled(fn);
  }

  private EnvironmentPool start(
      LambdaFunction fn, FunctionVersion v, CompletableFuture<InitOutcome> outcome) {
    if (v.code.runnable() == null || v.scaling.deactivates()) {
      outcome.complete(new InitOutcome(null, null));
      return null;
    }
    return EnvironmentPool.start(spec(fn, v), v.scaling.minEnvironments(), s.initExecutor, outcome);
  }

  private static void finish(
      FunctionVersion v, InitOutcome outcome, EnvironmentPool pool, boolean republish) {
    v.starting = null;
    if (outcome.reasonCode() == null) {
      v.closePool();
      v.pool = pool;
      if (republish) {
        v.setLastUpdate("Successful", null, null);
      } else {
        v.setState(v.scaling.deactivates() ? "Deactivated" : "Active", null, null);
      }
      return;
    }
    if (pool != null) {
      pool.close();
    }
    if (republish) {
      v.setLastUpdate("Failed", outcome.reasonCode(), outcome.reason());
    } else {
      v.reservedVcpus = 0;
      v.setState("Failed", outcome.reasonCode(), outcome.reason());
    }
  }

  /** What an execution environment of this version needs, including its environment variables. */
  FunctionSpec spec(LambdaFunction fn, FunctionVersion v) {
    var c = v.config;
    var env = new LinkedHashMap<String, String>();
    env.put("AWS_REGION", s.region);
    env.put("AWS_DEFAULT_REGION", s.region);
    env.put("AWS_LAMBDA_FUNCTION_NAME", fn.name);
    env.put("AWS_LAMBDA_FUNCTION_VERSION", v.version);
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", c.path("MemorySize").asText());
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + fn.name);
    c.path("Environment")
        .path("Variables")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    var inner =
        c.path("CapacityProviderConfig").path("LambdaManagedInstancesCapacityProviderConfig");
    return new FunctionSpec(
        fn.name,
        v.version,
        s.qualifiedArn(fn.name, v.version),
        c.path("Handler").asText(),
        c.path("MemorySize").asInt(128),
        c.path("Timeout").asInt(3),
        env,
        v.code.runnable(),
        inner.path("PerExecutionEnvironmentMaxConcurrency").asInt(fn.lmi ? 32 : 1000));
  }
}
