package dev.lmi.emulator.code;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;

/** One initialised handler instance in its own class loader, taking a bounded number of calls. */
final class ExecutionEnvironment implements AutoCloseable {
  private final HandlerClassLoader loader;
  private final HandlerAdapter adapter;
  private final FunctionSpec spec;
  final Semaphore slots;

  private ExecutionEnvironment(
      HandlerClassLoader loader, HandlerAdapter adapter, FunctionSpec spec) {
    this.loader = loader;
    this.adapter = adapter;
    this.spec = spec;
    this.slots = new Semaphore(spec.maxConcurrency());
  }

  /** Runs init on the calling thread, measuring what it allocates against the memory size. */
  static ExecutionEnvironment init(FunctionSpec spec) throws InitFailure {
    HandlerClassLoader loader = null;
    try {
      loader = new HandlerClassLoader(spec.jar());
      return new ExecutionEnvironment(loader, runInit(loader, spec), spec);
    } catch (Throwable e) {
      closeQuietly(loader);
      throw classify(e);
    }
  }

  /** Loads the class and runs its constructor on this thread, measuring what that allocates. */
  private static HandlerAdapter runInit(HandlerClassLoader loader, FunctionSpec spec)
      throws Exception {
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var thread = Thread.currentThread();
    var before = mx.getCurrentThreadAllocatedBytes();
    thread.setContextClassLoader(loader);
    try {
      var adapter =
          FunctionEnv.with(spec.environment(), () -> HandlerAdapter.load(loader, spec.handler()));
      var allocated = mx.getCurrentThreadAllocatedBytes() - before;
      if (allocated > spec.memoryMb() * 1024L * 1024L) {
        throw new InitFailure(
            "FunctionError.InitResourceExhausted",
            "Init allocated " + (allocated >> 20) + " MB, more than the " + spec.memoryMb() + " MB",
            null);
      }
      return adapter;
    } finally {
      thread.setContextClassLoader(null);
    }
  }

  /** Maps what init threw to the StateReasonCode Lambda reports for it. */
  private static InitFailure classify(Throwable e) {
    return switch (e) {
      case InitFailure f -> f;
      case OutOfMemoryError oom ->
          new InitFailure("FunctionError.InitResourceExhausted", "Init ran out of memory", oom);
      case ClassNotFoundException c -> invalidEntryPoint(c);
      case NoSuchMethodException m -> invalidEntryPoint(m);
      case NoClassDefFoundError n -> invalidEntryPoint(n);
      default -> {
        var cause = e.getCause() != null ? e.getCause() : e;
        yield new InitFailure("FunctionError.RuntimeInitError", "Init failed: " + cause, cause);
      }
    };
  }

  private static InitFailure invalidEntryPoint(Throwable e) {
    return new InitFailure("FunctionError.InvalidEntryPoint", "Handler not found: " + e, e);
  }

  byte[] invoke(byte[] payload, EmulatorContext context) throws Throwable {
    var thread = Thread.currentThread();
    var previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return FunctionEnv.with(
          spec.environment(),
          () -> {
            try {
              return adapter.invoke(payload, context);
            } catch (Exception | Error e) {
              throw e;
            } catch (Throwable t) {
              throw new RuntimeException(t);
            }
          });
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public void close() {
    closeQuietly(loader);
  }

  private static void closeQuietly(HandlerClassLoader loader) {
    try {
      if (loader != null) {
        loader.close();
      }
    } catch (java.io.IOException e) {
      // nothing left to release
    }
  }
}
