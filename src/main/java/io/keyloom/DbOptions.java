package io.keyloom;

import io.keyloom.config.PostgresSettings;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --db-url} of {@code serve} and {@code admin}: the PostgreSQL database to use instead of
 * SQLite in the data directory (docs/postgresql.md). User and password come only from the
 * environment, never from a flag, so that {@code ps} cannot show them.
 */
final class DbOptions {
  /** The environment variable holding the database user. */
  static final String USER_ENV = "KEYLOOM_DB_USER";

  /** The environment variable holding the database password. */
  static final String PASSWORD_ENV = "KEYLOOM_DB_PASSWORD";

  @Option(
      names = "--db-url",
      defaultValue = "${env:KEYLOOM_DB_URL}",
      description =
          "PostgreSQL database to use, jdbc:postgresql://HOST:PORT/DB; user and password from env"
              + " KEYLOOM_DB_USER and KEYLOOM_DB_PASSWORD only (env KEYLOOM_DB_URL, default:"
              + " SQLite keyloom.db in the data dir).")
  String dbUrl;

  /**
   * The PostgreSQL settings, or empty for SQLite.
   *
   * @throws IllegalArgumentException when the URL is not a PostgreSQL URL or carries credentials
   */
  Optional<PostgresSettings> settings() {
    if (dbUrl == null || dbUrl.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        PostgresSettings.of(dbUrl, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV)));
  }
}
