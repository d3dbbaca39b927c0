package io.keyloom.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a client may take and how many connections may be open at once; the defence against slow
 * clients (slowloris) and connection floods. See docs/connection-limits.md.
 *
 * @param idleTimeout a keep-alive connection with no traffic for this long is closed
 * @param headerTimeout a request head must be complete this long after the connection opened or
 *     after the first byte of a keep-alive request arrived (a total, not an idle time)
 * @param bodyTimeout a request body must be complete this long after its head (a total)
 * @param maxConnections open connections at most; beyond it the longest-waiting idle or
 *     head-reading connection is shed, or, when every one is busy, the new one gets 503
 */
public record ConnectionLimits(
    Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {

  /** Default idle timeout: long enough for SDK connection pools to reuse connections. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  /** Default header timeout: a real client sends its head in one packet. */
  public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

  /** Default body timeout: KMS bodies are at most 64 KiB, seconds even on a slow link. */
  public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

  /** Default cap: leaves a quarter of a 1,024 descriptor limit for the database and files. */
  public static final int DEFAULT_MAX_CONNECTIONS = 768;

  private static final Duration LONGEST = Duration.ofHours(1);
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)?");

  /** Validates every field; a bad value stops the server at start with a clear message. */
  public ConnectionLimits {
    check("--idle-timeout", idleTimeout);
    check("--header-timeout", headerTimeout);
    check("--body-timeout", bodyTimeout);
    if (maxConnections < 1 || maxConnections > 1_000_000) {
      throw new IllegalArgumentException(
          "--max-connections must be between 1 and 1000000, got " + maxConnections);
    }
  }

  /** The documented defaults. */
  public static ConnectionLimits defaults() {
    return new ConnectionLimits(
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_HEADER_TIMEOUT,
        DEFAULT_BODY_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS);
  }

  /**
   * Parses a flag value: {@code 500ms}, {@code 10s}, {@code 2m}, or a plain number of seconds.
   *
   * @throws IllegalArgumentException naming the flag when the value is not of that form
   */
  public static Duration parseDuration(String flag, String value) {
    Matcher m = DURATION.matcher(value == null ? "" : value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          flag
              + " must be a number with an optional unit ms, s or m (e.g. 10s), got '"
              + value
              + "'");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  private static void check(String flag, Duration d) {
    if (d == null || d.toMillis() < 1 || d.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(flag + " must be between 1ms and 1h, got " + d);
    }
  }
}
