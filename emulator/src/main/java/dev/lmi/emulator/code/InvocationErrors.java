package dev.lmi.emulator.code;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The error payloads the Java runtime returns for a failed or timed-out invocation. */
final class InvocationErrors {
  private InvocationErrors() {}

  static byte[] timedOut(int timeoutSeconds) {
    var message = "Task timed out after " + timeoutSeconds + ".00 seconds";
    return json(Map.of("errorMessage", message, "errorType", "Sandbox.Timedout"), message);
  }

  static byte[] unhandled(Throwable t) {
    var trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    var frames = trace.toString().lines().skip(1).map(String::strip).limit(20).toList();
    var body =
        Map.of(
            "errorMessage", String.valueOf(t.getMessage()),
            "errorType", t.getClass().getName(),
            "stackTrace", frames);
    return json(body, String.valueOf(t));
  }

  private static byte[] json(Map<String, ?> body, String fallback) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body);
    } catch (Exception e) {
      return fallback.getBytes(StandardCharsets.UTF_8);
    }
  }
}
