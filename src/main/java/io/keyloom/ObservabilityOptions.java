package io.keyloom;

import io.keyloom.log.LogFormat;
import picocli.CommandLine.Option;

/** {@code keyloom serve}'s metrics and log flags (docs/metrics.md, docs/logging.md). */
final class ObservabilityOptions {
  @Option(
      names = "--metrics",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "${env:KEYLOOM_METRICS:-true}",
      description =
          "Serve GET /metrics (Prometheus text: request counts and latencies by operation, key"
              + " cache, store pool, login refusals, JVM; no key, project or user in it);"
              + " --metrics=false records nothing and answers 404 there (env KEYLOOM_METRICS,"
              + " default ${DEFAULT-VALUE}).")
  boolean metrics;

  @Option(
      names = "--log-format",
      defaultValue = "${env:KEYLOOM_LOG_FORMAT:-text}",
      description =
          "Server log on standard error: text lines, or json, one object per line with time,"
              + " level, logger, message and request_id (env KEYLOOM_LOG_FORMAT, default"
              + " ${DEFAULT-VALUE}).")
  String logFormat;

  /** The log format asked for; a bad value stops the start with a one-line message. */
  LogFormat logFormat() {
    return LogFormat.of(logFormat);
  }
}
