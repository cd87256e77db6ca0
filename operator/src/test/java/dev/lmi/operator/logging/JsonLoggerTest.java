package dev.lmi.operator.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class JsonLoggerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void writesOneParseableLinePerEventWhateverTheMessageHolds() throws Exception {
    var nasty = "quote \" backslash \\ newline \n tab \t bell \u0007 separator \u2028 é 🙂";
    var line =
        JsonLogger.line(
            Instant.parse("2026-01-02T03:04:05Z"), Level.WARN, "a.b", "main", nasty, null);
    assertThat(line).doesNotContain("\n").startsWith("{").endsWith("}");
    var node = JSON.readTree(line);
    assertThat(node.path("time").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(node.path("level").asText()).isEqualTo("WARN");
    assertThat(node.path("logger").asText()).isEqualTo("a.b");
    assertThat(node.path("thread").asText()).isEqualTo("main");
    assertThat(node.path("message").asText()).isEqualTo(nasty);
    assertThat(node.has("exception")).isFalse();
  }

  @Test
  void formatsArgumentsAndCarriesTheStackTraceInOneField() throws Exception {
    var out = new ByteArrayOutputStream();
    var logger =
        new JsonLogger("dev.lmi.x", Level.INFO, new PrintStream(out, true, StandardCharsets.UTF_8));
    logger.info("provider {} is {}", "orders-pool", "Ready");
    logger.error("update failed", new IllegalStateException("boom"));
    var lines = out.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines[0]).path("message").asText())
        .isEqualTo("provider orders-pool is Ready");
    var error = JSON.readTree(lines[1]);
    assertThat(error.path("level").asText()).isEqualTo("ERROR");
    assertThat(error.path("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat dev.lmi.operator.logging.JsonLoggerTest");
  }

  @Test
  void dropsEventsBelowItsLevelAndEverythingWhenOff() {
    var out = new ByteArrayOutputStream();
    var warn = new JsonLogger("x", Level.WARN, new PrintStream(out, true, StandardCharsets.UTF_8));
    warn.info("hidden");
    warn.debug("hidden");
    assertThat(warn.isInfoEnabled()).isFalse();
    assertThat(warn.isWarnEnabled()).isTrue();
    var off = new JsonLogger("y", null, new PrintStream(out, true, StandardCharsets.UTF_8));
    off.error("hidden");
    assertThat(off.isErrorEnabled()).isFalse();
    assertThat(out.size()).isZero();
  }

  @Test
  void readsLevelsLikeSlf4jSimpleMostSpecificNameFirst() {
    var key = "org.slf4j.simpleLogger.log.dev.lmi.test.quiet";
    System.setProperty(key, "error");
    try {
      var levels = new LogLevels();
      assertThat(levels.levelOf("dev.lmi.test.quiet.Inner")).isEqualTo(Level.ERROR);
      assertThat(levels.levelOf("io.fabric8.kubernetes.client.Foo")).isEqualTo(Level.WARN);
      assertThat(levels.levelOf("dev.lmi.test.Other")).isEqualTo(Level.INFO);
    } finally {
      System.clearProperty(key);
    }
  }
}
