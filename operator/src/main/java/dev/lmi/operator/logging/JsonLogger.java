package dev.lmi.operator.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * Writes each event as one JSON object on one line: time, level, logger, thread, message and, when
 * there is one, the exception with its stack trace. Only the formatted message is written: no MDC,
 * no raw arguments.
 */
final class JsonLogger extends LegacyAbstractLogger {
  private final transient Level threshold;
  private final transient PrintStream out;

  JsonLogger(String name, Level threshold, PrintStream out) {
    this.name = name;
    this.threshold = threshold;
    this.out = out;
  }

  private boolean enabled(Level level) {
    return threshold != null && level.toInt() >= threshold.toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    var formatted = MessageFormatter.basicArrayFormat(pattern, arguments);
    out.println(
        line(Instant.now(), level, name, Thread.currentThread().getName(), formatted, throwable));
  }

  static String line(
      Instant time, Level level, String logger, String thread, String message, Throwable error) {
    var json = new StringBuilder(128 + (message == null ? 0 : message.length())).append('{');
    field(json, "time", time.toString());
    field(json, "level", level.toString());
    field(json, "logger", logger);
    field(json, "thread", thread);
    field(json, "message", message == null ? "" : message);
    if (error != null) {
      var trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      field(json, "exception", trace.toString().stripTrailing());
    }
    json.setLength(json.length() - 1);
    return json.append('}').toString();
  }

  private static void field(StringBuilder json, String key, String value) {
    json.append('"').append(key).append("\":\"");
    escape(json, value);
    json.append("\",");
  }

  private static void escape(StringBuilder json, String value) {
    for (var i = 0; i < value.length(); i++) {
      var c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
  }
}
