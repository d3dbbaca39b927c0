package io.keyloom.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/** The JSON log format (docs/logging.md): one object per line, levels as the text logger's. */
class JsonLoggerTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void lineBreaksAndQuotes_stayInsideOneLine() throws Exception {
    String line =
        JsonLogger.line(
            Instant.parse("2026-12-02T10:00:00Z"),
            Level.ERROR,
            "io.keyloom.X",
            "two\nlines \"quoted\"",
            "abc",
            new IllegalStateException("boom"));
    assertThat(line).doesNotContain("\n");
    JsonNode node = JSON.readTree(line);
    assertThat(node.path("time").asText()).isEqualTo("2026-12-02T10:00:00Z");
    assertThat(node.path("message").asText()).isEqualTo("two\nlines \"quoted\"");
    assertThat(node.path("request_id").asText()).isEqualTo("abc");
    assertThat(node.path("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("\tat io.keyloom.log.JsonLoggerTest");
  }

  @Test
  void levels_followTheLongestPrefix_andOffLogsNothing() throws Exception {
    Map<String, Level> byPrefix = new HashMap<>();
    byPrefix.put("com.zaxxer.hikari", Level.WARN);
    byPrefix.put("io.vertx.core.net", LogLevels.parse("off")); // null: off
    LogLevels levels = new LogLevels(Level.INFO, byPrefix);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonLoggers loggers =
        new JsonLoggers(levels, new PrintStream(out, true, StandardCharsets.UTF_8));
    loggers.getLogger("com.zaxxer.hikari.pool.HikariPool").info("pool chatter");
    loggers.getLogger("com.zaxxer.hikari.pool.HikariPool").warn("pool {} trouble", "x");
    loggers.getLogger("io.vertx.core.net.impl.ConnectionBase").error("quoted client bytes");
    Logger keyloom = loggers.getLogger("io.keyloom.Emulator");
    assertThat(keyloom.isDebugEnabled()).isFalse();
    LogContext.enter("0123");
    try {
      keyloom.info("reset: {} keys", 3);
    } finally {
      LogContext.leave();
    }
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
    assertThat(lines).hasSize(2);
    assertThat(JSON.readTree(lines[0]).path("message").asText()).isEqualTo("pool x trouble");
    assertThat(JSON.readTree(lines[0]).has("request_id")).isFalse();
    assertThat(JSON.readTree(lines[1]).path("message").asText()).isEqualTo("reset: 3 keys");
    assertThat(JSON.readTree(lines[1]).path("request_id").asText()).isEqualTo("0123");
  }

  @Test
  void theBundledConfiguration_isRead() {
    LogLevels levels = LogLevels.fromSimpleLoggerProperties();
    assertThat(levels.of("io.keyloom.http.HttpApi")).isEqualTo(Level.INFO);
    assertThat(levels.of("org.flywaydb.core.Flyway")).isEqualTo(Level.WARN);
    assertThat(levels.of("io.vertx.core.net.impl.ConnectionBase")).isNull();
  }

  @Test
  void formatFlag_acceptsTextAndJsonOnly() {
    assertThat(LogFormat.of("JSON")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.of(" text ")).isEqualTo(LogFormat.TEXT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogFormat.of("xml"))
        .hasMessage("--log-format must be text or json, got 'xml'");
  }
}
