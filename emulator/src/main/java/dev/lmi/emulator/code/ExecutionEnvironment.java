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
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    HandlerClassLoader loader = null;
    var thread = Thread.currentThread();
    try {
      loader = new HandlerClassLoader(spec.jar());
      var before = mx.getCurrentThreadAllocatedBytes();
      var l = loader;
      thread.setContextClassLoader(loader);
      var adapter =
          FunctionEnv.with(spec.environment(), () -> HandlerAdapter.load(l, spec.handler()));
      var allocated = mx.getCurrentThreadAllocatedBytes() - before;
      if (allocated > spec.memoryMb() * 1024L * 1024L) {
        throw new InitFailure(
            "FunctionError.InitResourceExhausted",
            "Init allocated " + (allocated >> 20) + " MB, more than the " + spec.memoryMb() + " MB",
            null);
      }
      return new ExecutionEnvironment(loader, adapter, spec);
    } catch (InitFailure e) {
      closeQuietly(loader);
      throw e;
    } catch (OutOfMemoryError e) {
      closeQuietly(loader);
      throw new InitFailure("FunctionError.InitResourceExhausted", "Init ran out of memory", e);
    } catch (ClassNotFoundException | NoSuchMethodException | NoClassDefFoundError e) {
      closeQuietly(loader);
      throw new InitFailure("FunctionError.InvalidEntryPoint", "Handler not found: " + e, e);
    } catch (Throwable e) {
      closeQuietly(loader);
      var cause = e.getCause() != null ? e.getCause() : e;
      throw new InitFailure("FunctionError.RuntimeInitError", "Init failed: " + cause, cause);
    } finally {
      thread.setContextClassLoader(null);
    }
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
