package dev.lmi.handler.common;

import java.util.Map;

/**
 * Configuration source for the handlers: the process environment, then {@code lmi.env.NAME} system
 * properties (how an in-JVM emulator can pass variables), or a map in tests.
 */
@FunctionalInterface
public interface Env {

  /** The raw value, or null when unset. */
  String raw(String name);

  /** The process environment, falling back to {@code lmi.env.NAME} system properties. */
  static Env system() {
    return name -> {
      var value = System.getenv(name);
      return value != null ? value : System.getProperty("lmi.env." + name);
    };
  }

  /** A fixed map, for tests and in-process callers. */
  static Env of(Map<String, String> values) {
    var copy = Map.copyOf(values);
    return copy::get;
  }

  /** The value, or null when unset or blank. */
  default String get(String name) {
    var value = raw(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  default String get(String name, String fallback) {
    var value = get(name);
    return value != null ? value : fallback;
  }

  /** The value; init fails with a message naming the variable when it is missing. */
  default String require(String name, String purpose) {
    var value = get(name);
    if (value == null) {
      throw new IllegalStateException(
          "environment variable " + name + " is required (" + purpose + ") but is not set");
    }
    return value;
  }

  default int getInt(String name, int fallback) {
    var value = get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "environment variable " + name + " must be an integer, got '" + value + "'", e);
    }
  }
}
