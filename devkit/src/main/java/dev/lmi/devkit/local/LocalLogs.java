package dev.lmi.devkit.local;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends everything that is not the local mode's own screen to one log file: SLF4J (the operator,
 * JOSDK, fabric8), java.util.logging (the mock API server, sqlite4java), log4j's console (DynamoDB
 * Local) and what the functions and libraries print. The screen keeps the original streams.
 */
final class LocalLogs {
  private LocalLogs() {}

  /** The streams the screen keeps: the terminal's, before the redirection. */
  record Screen(PrintStream out, PrintStream err) {}

  /** Redirects this JVM's output to file (appending) and returns the screen's streams. */
  static Screen redirectTo(Path file, String level) {
    var screen = new Screen(System.out, System.err);
    PrintStream log;
    try {
      log =
          new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the log file " + file, e);
    }
    // slf4j-simple writes to whatever System.err is at each call; so does ANTLR's version check.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setOut(log);
    System.setErr(log);
    LogManager.getLogManager().reset();
    var root = Logger.getLogger("");
    root.setLevel(Level.INFO);
    root.addHandler(new FlushingHandler(log));
    return screen;
  }

  /** A java.util.logging handler that writes each record at once (nothing lost on a kill). */
  private static final class FlushingHandler extends Handler {
    private final PrintStream out;
    private final SimpleFormatter format = new SimpleFormatter();

    FlushingHandler(PrintStream out) {
      this.out = out;
    }

    @Override
    public void publish(LogRecord record) {
      if (isLoggable(record)) {
        out.print(format.format(record));
      }
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
