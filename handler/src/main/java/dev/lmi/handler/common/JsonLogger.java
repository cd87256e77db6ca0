package dev.lmi.handler.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** Structured JSON logs, one object per line, with the request id as correlation id. */
public final class JsonLogger {

  /** Log levels in increasing severity. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  private final String service;
  private final Level minimum;
  private final PrintStream out;

  public JsonLogger(String service, Level minimum, PrintStream out) {
    this.service = service;
    this.minimum = minimum;
    this.out = out;
  }

  /** Service from {@code POWERTOOLS_SERVICE_NAME}, level from {@code LOG_LEVEL}, to stdout. */
  public static JsonLogger fromEnv(Env env, String defaultService) {
    var name = env.get("LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
    var level = Level.INFO;
    for (var candidate : Level.values()) {
      if (candidate.name().equals(name) || (name.equals("WARNING") && candidate == Level.WARN)) {
        level = candidate;
      }
    }
    return new JsonLogger(env.get("POWERTOOLS_SERVICE_NAME", defaultService), level, System.out);
  }

  public String service() {
    return service;
  }

  public void info(String requestId, String message, Map<String, ?> fields) {
    log(Level.INFO, requestId, message, fields, null);
  }

  public void debug(String requestId, String message, Map<String, ?> fields) {
    log(Level.DEBUG, requestId, message, fields, null);
  }

  public void error(String requestId, String message, Throwable cause) {
    log(Level.ERROR, requestId, message, Map.of(), cause);
  }

  private void log(
      Level level, String requestId, String message, Map<String, ?> fields, Throwable cause) {
    if (level.compareTo(minimum) < 0) {
      return;
    }
    var line = Json.object();
    line.put("timestamp", Instant.now().toString());
    line.put("level", level.name());
    line.put("service", service);
    if (requestId != null) {
      line.put("correlation_id", requestId);
    }
    line.put("message", message);
    fields.forEach((key, value) -> line.set(key, Json.MAPPER.valueToTree(value)));
    if (cause != null) {
      line.put("error", cause.toString());
      var trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      line.put("stack_trace", trace.toString());
    }
    try {
      // One println per line: PrintStream locks per call, so concurrent requests never interleave.
      out.println(Json.MAPPER.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      out.println("{\"level\":\"ERROR\",\"message\":\"unloggable event\"}");
    }
  }
}
