package dev.lmi.devkit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveTableTest {
  private static final String ONE = "KIND  NAME\nLmiFunction  a/b\n";
  private static final String TWO = "KIND  NAME\nLmiFunction  a/b\nLmiFunction  c/d\n";

  @Test
  void appendsEachChangedTableAsANewBlockWhenTheOutputIsNotATerminal() {
    assertThat(LiveTable.frame("", ONE, false)).isEqualTo("\n" + ONE);
    assertThat(LiveTable.frame(ONE, TWO, false)).isEqualTo("\n" + TWO);
    assertThat(LiveTable.frame(TWO, TWO, false)).isEmpty();
  }

  @Test
  void redrawsOverThePreviousTableOnATerminal() {
    var frame = LiveTable.frame(ONE, TWO, true);

    assertThat(frame).startsWith(LiveTable.NO_WRAP + "\033[2A" + LiveTable.CLEAR_BELOW);
    assertThat(frame).endsWith(TWO + LiveTable.WRAP);
    assertThat(frame).doesNotContain("\n\n");
  }

  @Test
  void cutsRatherThanWrapsLongLinesSoTheCursorCountStaysExact() {
    var frame = LiveTable.frame("", ONE, true);

    assertThat(frame).isEqualTo(LiveTable.NO_WRAP + "\n" + ONE + LiveTable.WRAP);
  }

  @Test
  void printsNothingWhenTheTableDidNotChange() {
    var out = new ByteArrayOutputStream();
    var table = new LiveTable(new PrintStream(out, true, StandardCharsets.UTF_8), true);
    table.show(ONE);
    var first = out.size();

    table.show(ONE);

    assertThat(out.size()).isEqualTo(first);
  }

  @Test
  void afterOtherOutputTheNextTableStartsANewBlock() {
    var out = new ByteArrayOutputStream();
    var table = new LiveTable(new PrintStream(out, true, StandardCharsets.UTF_8), true);
    table.show(ONE);
    table.detach();
    out.reset();

    table.show(ONE);

    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("\033[2A").contains(ONE);
  }

  @Test
  void redrawsOnlyOnAnInteractiveTerminalThatIsNotDumb() {
    var console = System.console();
    if (console == null) {
      // Without a console object (Java 21 under a build tool), only the null case is testable.
      assertThat(LiveTable.redraws(null, true, "xterm")).isFalse();
      return;
    }
    assertThat(LiveTable.redraws(console, true, "xterm-256color")).isTrue();
    assertThat(LiveTable.redraws(console, false, "xterm")).isFalse();
    assertThat(LiveTable.redraws(console, true, "dumb")).isFalse();
    assertThat(LiveTable.redraws(console, true, null)).isFalse();
    assertThat(LiveTable.redraws(null, true, "xterm")).isFalse();
  }
}
