package dev.lmi.emulator.lambda;

import dev.lmi.emulator.code.EnvironmentPool;
import dev.lmi.emulator.http.Request;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/** Decides what an Invoke runs: the function, the version (alias weights honoured), the pool. */
final class InvokeTargets {
  /**
   * @param qualifier what the caller named (version or alias), null when unqualified
   * @param alias whether that qualifier is an alias
   */
  record Target(
      EnvironmentPool pool,
      String invokedArn,
      LambdaFunction fn,
      FunctionVersion v,
      String qualifier,
      boolean alias) {}

  private final LambdaState s;
  private final Provisioner provisioner;
  private final Random random = new Random();

  InvokeTargets(LambdaState state, Provisioner provisioner) {
    this.s = state;
    this.provisioner = provisioner;
  }

  Target resolve(Request r) {
    synchronized (s) {
      s.settle();
      var label = r.param("FunctionName");
      var fn = s.function(label);
      var named = Names.qualifier(label, r.query().get("Qualifier"));
      var qualifier = effectiveQualifier(fn, named);
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
      var alias = named != null && fn.aliases.containsKey(named);
      return new Target(v.pool, invokedArn, fn, v, named, alias);
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

  /** The version's pool; standard (non-LMI) functions get one environment on first use. */
  EnvironmentPool pool(Target t) {
    if (t.pool() != null) {
      return t.pool();
    }
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
