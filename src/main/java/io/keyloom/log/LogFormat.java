package io.keyloom.log;

import java.util.Locale;

/**
 * {@code --log-format}: the server log as today's text lines (SLF4J's simple logger) or as one JSON
 * object per line (docs/logging.md).
 */
public enum LogFormat {
  TEXT,
  JSON;

  /** Parses a flag value, {@code text} or {@code json} in any case. */
  public static LogFormat of(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--log-format must be text or json, got '" + value.strip() + "'");
    }
  }

  /**
   * Selects this format for the whole process. Must run before the first logger is made: SLF4J
   * picks its provider once, on first use.
   */
  public void install() {
    if (this == JSON) {
      System.setProperty("slf4j.provider", JsonLogProvider.class.getName());
      // SLF4J would announce the explicit provider on stderr in a plain-text line.
      System.setProperty("slf4j.internal.verbosity", "WARN");
    }
  }
}
