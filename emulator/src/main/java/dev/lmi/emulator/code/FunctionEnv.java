package dev.lmi.emulator.code;

import java.util.Map;
import java.util.Properties;

/**
 * Gives handler code its function's environment variables. A JVM cannot change {@code
 * System.getenv}, and several functions share one emulator JVM, so the variables are exposed as
 * system properties {@code lmi.env.<NAME>} whose values depend on the calling thread: while the
 * emulator runs a function's init or an invocation on a thread, {@code
 * System.getProperty("lmi.env.NAME")} answers from that function's Environment.
 */
public final class FunctionEnv {
  public static final String PREFIX = "lmi.env.";
  private static final ThreadLocal<Map<String, String>> CURRENT = new ThreadLocal<>();

  private FunctionEnv() {}

  /** Installs the thread-aware properties object once per JVM. */
  public static synchronized void install() {
    if (!(System.getProperties() instanceof ScopedProperties)) {
      System.setProperties(new ScopedProperties(System.getProperties()));
    }
  }

  /** Runs the action with this environment visible to the current thread. */
  public static <T> T with(Map<String, String> env, ThrowingSupplier<T> action) throws Exception {
    var previous = CURRENT.get();
    CURRENT.set(env);
    try {
      return action.get();
    } finally {
      CURRENT.set(previous);
    }
  }

  /** A supplier that may throw anything the handler throws. */
  @FunctionalInterface
  public interface ThrowingSupplier<T> {
    T get() throws Exception;
  }

  private static final class ScopedProperties extends Properties {
    ScopedProperties(Properties original) {
      putAll(original);
    }

    @Override
    public String getProperty(String key) {
      var env = CURRENT.get();
      if (env != null && key.startsWith(PREFIX)) {
        return env.get(key.substring(PREFIX.length()));
      }
      return super.getProperty(key);
    }

    @Override
    public String getProperty(String key, String defaultValue) {
      var value = getProperty(key);
      return value == null ? defaultValue : value;
    }
  }
}
