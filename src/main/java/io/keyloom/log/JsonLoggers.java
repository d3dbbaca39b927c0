package io.keyloom.log;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** The JSON loggers by name, each with its level fixed when made. */
final class JsonLoggers implements ILoggerFactory {
  private final LogLevels levels;
  private final PrintStream out;
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  JsonLoggers(LogLevels levels, PrintStream out) {
    this.levels = levels;
    this.out = out;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new JsonLogger(n, levels.of(n), out));
  }
}
