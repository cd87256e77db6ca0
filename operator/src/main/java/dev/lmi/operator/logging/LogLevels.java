package dev.lmi.operator.logging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.event.Level;

/**
 * Logger levels read the way slf4j-simple reads them (simplelogger.properties, then system
 * properties), so --log-level, the chart's JAVA_TOOL_OPTIONS and the quiet library loggers mean the
 * same in both log formats. A null level means off.
 */
final class LogLevels {
  private static final String PREFIX = "org.slf4j.simpleLogger.";
  private final Properties file = new Properties();

  LogLevels() {
    try (var in = LogLevels.class.getResourceAsStream("/simplelogger.properties")) {
      if (in != null) {
        file.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The level of the most specific configured name that is a prefix of the logger's name. */
  Level levelOf(String loggerName) {
    var name = loggerName;
    while (true) {
      var value = property(PREFIX + "log." + name);
      if (value != null) {
        return parse(value);
      }
      var dot = name.lastIndexOf('.');
      if (dot < 0) {
        var fallback = property(PREFIX + "defaultLogLevel");
        return fallback == null ? Level.INFO : parse(fallback);
      }
      name = name.substring(0, dot);
    }
  }

  private String property(String key) {
    var value = System.getProperty(key);
    return value != null ? value : file.getProperty(key);
  }

  private static Level parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "warn" -> Level.WARN;
      case "error" -> Level.ERROR;
      case "off" -> null;
      default -> Level.INFO;
    };
  }
}
