package io.keyloom.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.slf4j.event.Level;

/**
 * The levels of the JSON logger, read from the same {@code simplelogger.properties} as the text
 * logger's, so both formats log the same lines: a default level and levels by logger name prefix,
 * the longest prefix winning. A null level means off.
 */
final class LogLevels {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";
  private final Level defaultLevel;
  private final TreeMap<String, Level> byPrefix;

  LogLevels(Level defaultLevel, Map<String, Level> byPrefix) {
    this.defaultLevel = defaultLevel;
    this.byPrefix = new TreeMap<>(byPrefix);
  }

  static LogLevels fromSimpleLoggerProperties() {
    Properties p = new Properties();
    try (InputStream in = LogLevels.class.getResourceAsStream("/simplelogger.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Level> byPrefix = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(PREFIX)) {
        byPrefix.put(key.substring(PREFIX.length()), parse(p.getProperty(key)));
      }
    }
    return new LogLevels(
        parse(p.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "info")), byPrefix);
  }

  /** A level name as the simple logger spells it; {@code off} is null. */
  static Level parse(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    return n.equals("OFF") ? null : Level.valueOf(n);
  }

  /** The level of a logger name: its longest configured prefix's, else the default. */
  Level of(String logger) {
    String name = logger;
    while (true) {
      if (byPrefix.containsKey(name)) {
        return byPrefix.get(name);
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return defaultLevel;
      }
      name = name.substring(0, dot);
    }
  }
}
