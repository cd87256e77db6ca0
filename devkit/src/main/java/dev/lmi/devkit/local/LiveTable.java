package dev.lmi.devkit.local;

import java.io.Console;
import java.io.PrintStream;

/**
 * Shows the progress table as it changes: redrawn in place on a terminal (the cursor goes back up
 * over the previous table, which is cleared), appended as a new block when the output is a file or
 * a pipe, so logs of CI runs read top to bottom.
 */
final class LiveTable {
  static final String UP = "\033[%dA";
  static final String CLEAR_BELOW = "\033[J";
  // Lines longer than the terminal are cut rather than wrapped, so the line count stays exact.
  static final String NO_WRAP = "\033[?7l";
  static final String WRAP = "\033[?7h";

  private final PrintStream out;
  private final boolean inPlace;
  private String shown = "";

  LiveTable(PrintStream out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
  }

  /** Shows table unless it is what is on screen already. */
  void show(String table) {
    out.print(frame(shown, table, inPlace));
    out.flush();
    shown = table;
  }

  /** Whether the table is redrawn in place (a terminal), rather than appended. */
  boolean inPlace() {
    return inPlace;
  }

  /** After other output: the next table starts a new block instead of replacing the last one. */
  void detach() {
    shown = "";
  }

  /** What to print to go from the table on screen (previous) to table; empty when unchanged. */
  static String frame(String previous, String table, boolean inPlace) {
    if (table.equals(previous)) {
      return "";
    }
    if (!inPlace) {
      return "\n" + table;
    }
    if (previous.isEmpty()) {
      return NO_WRAP + "\n" + table + WRAP;
    }
    return NO_WRAP + UP.formatted(lines(previous)) + CLEAR_BELOW + table + WRAP;
  }

  /**
   * Redraw only on an interactive terminal that understands cursor moves: both stdin and stdout are
   * a terminal (Java 22+ returns a Console for pipes too, and says so with isTerminal), and TERM is
   * not "dumb".
   */
  static boolean redraws(Console console, boolean consoleIsTerminal, String term) {
    return console != null && consoleIsTerminal && term != null && !term.equals("dumb");
  }

  /** {@link #redraws} for this process. */
  static boolean redrawsHere() {
    var console = System.console();
    return redraws(console, isTerminal(console), System.getenv("TERM"));
  }

  private static boolean isTerminal(Console console) {
    if (console == null) {
      return false;
    }
    try {
      // Console.isTerminal() exists from Java 22; on 21 a non-null console is a terminal.
      return (boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static long lines(String text) {
    return text.chars().filter(c -> c == '\n').count();
  }
}
