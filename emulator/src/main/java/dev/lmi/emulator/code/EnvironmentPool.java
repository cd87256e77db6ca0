package dev.lmi.emulator.code;

import dev.lmi.emulator.http.ApiException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The execution environments of one published version; spreads invocations over them. */
public final class EnvironmentPool implements AutoCloseable {
  /** Result of initialising the pool: null reasonCode means every environment is ready. */
  public record InitOutcome(String reasonCode, String reason) {}

  private final FunctionSpec spec;
  private final List<ExecutionEnvironment> environments = new CopyOnWriteArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private volatile boolean closed;

  private EnvironmentPool(FunctionSpec spec) {
    this.spec = spec;
  }

  /** Starts initialising {@code count} environments in the background, stopping at a failure. */
  public static EnvironmentPool start(
      FunctionSpec spec, int count, Executor executor, CompletableFuture<InitOutcome> outcome) {
    FunctionEnv.install();
    var pool = new EnvironmentPool(spec);
    executor.execute(() -> outcome.complete(pool.initialise(Math.max(1, count))));
    return pool;
  }

  private InitOutcome initialise(int count) {
    for (var i = 0; i < count && !closed; i++) {
      try {
        environments.add(ExecutionEnvironment.init(spec));
      } catch (InitFailure e) {
        close();
        return new InitOutcome(e.reasonCode(), e.getMessage());
      }
    }
    return new InitOutcome(null, null);
  }

  /**
   * Follows a settled scaling change: extra environments are initialised in the background (a
   * failure just stops the growth), surplus ones are closed. At least one is kept.
   */
  public void resize(int count, Executor executor) {
    var target = Math.max(1, count);
    while (environments.size() > target) {
      environments.remove(environments.size() - 1).close();
    }
    var missing = target - environments.size();
    if (missing > 0) {
      executor.execute(() -> grow(missing));
    }
  }

  private void grow(int count) {
    for (var i = 0; i < count && !closed; i++) {
      try {
        environments.add(ExecutionEnvironment.init(spec));
      } catch (InitFailure e) {
        System.out.println("[lmi-emulator] scaling up " + spec.functionArn() + " failed: " + e);
        return;
      }
    }
  }

  public int size() {
    return environments.size();
  }

  /** Runs one invocation on an environment with a free slot, or answers 429 when all are busy. */
  public InvokeResult invoke(byte[] payload, String requestId, String invokedArn) {
    var envs = List.copyOf(environments);
    var start = Math.floorMod(next.getAndIncrement(), Math.max(1, envs.size()));
    for (var i = 0; i < envs.size(); i++) {
      var ee = envs.get((start + i) % envs.size());
      if (ee.slots.tryAcquire()) {
        return withTimeout(ee, payload, requestId, invokedArn);
      }
    }
    throw new ApiException(
            429,
            "TooManyRequestsException",
            "Rate Exceeded. All execution environments are at their maximum concurrency.")
        .withHeader("Retry-After", "1")
        .withBody("Reason", "ConcurrentInvocationLimitExceeded");
  }

  /**
   * Runs the handler on its own virtual thread and stops waiting after the function's Timeout. A
   * timed-out handler keeps its slot until it really returns, as a stuck environment would.
   */
  private InvokeResult withTimeout(ExecutionEnvironment ee, byte[] payload, String id, String arn) {
    var result = new CompletableFuture<InvokeResult>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                result.complete(run(ee, payload, id, arn));
              } finally {
                ee.slots.release();
              }
            });
    try {
      return result.get(spec.timeoutSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return new InvokeResult(InvocationErrors.timedOut(spec.timeoutSeconds()), "Unhandled");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private InvokeResult run(ExecutionEnvironment ee, byte[] payload, String id, String arn) {
    var deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
    try {
      return new InvokeResult(
          ee.invoke(payload, new EmulatorContext(spec, id, arn, deadline)), null);
    } catch (Throwable t) {
      return new InvokeResult(InvocationErrors.unhandled(t), "Unhandled");
    }
  }

  @Override
  public void close() {
    closed = true;
    environments.forEach(ExecutionEnvironment::close);
    environments.clear();
  }
}
