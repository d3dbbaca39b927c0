package io.keyloom.config;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a PostgreSQL store lives ({@code --db-url}, env {@code KEYLOOM_DB_URL}) and whom to log in
 * as: user and password come only from the environment ({@code KEYLOOM_DB_USER}, {@code
 * KEYLOOM_DB_PASSWORD}), never from a flag that {@code ps} shows (docs/postgresql.md).
 *
 * <p>The password never leaves this object except through {@link #password()}, which only the
 * connection pool calls: {@link #toString()} names the URL and user only.
 */
public final class PostgresSettings {
  private static final String PREFIX = "jdbc:postgresql://";

  private final String url;
  private final String user;
  private final String password;

  private PostgresSettings(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * Checks and keeps the settings.
   *
   * @param url a {@code jdbc:postgresql://HOST[:PORT]/DB} URL, without credentials
   * @param user the database user, may be null for the driver's default
   * @param password the user's password, may be null
   * @throws IllegalArgumentException naming the flag and what is wrong, never the password
   */
  public static PostgresSettings of(String url, String user, String password) {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith(PREFIX) || url.length() == PREFIX.length()) {
      throw new IllegalArgumentException(
          "--db-url must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB (without it the"
              + " store is SQLite in the data dir)");
    }
    int slash = url.indexOf('/', PREFIX.length());
    String authority = url.substring(PREFIX.length(), slash < 0 ? url.length() : slash);
    if (authority.contains("@")) {
      throw new IllegalArgumentException(
          "--db-url must not carry credentials: set KEYLOOM_DB_USER and KEYLOOM_DB_PASSWORD");
    }
    String query =
        url.contains("?") ? url.substring(url.indexOf('?')).toLowerCase(Locale.ROOT) : "";
    if (query.contains("password=") || query.contains("user=")) {
      throw new IllegalArgumentException(
          "--db-url must not carry credentials: set KEYLOOM_DB_USER and KEYLOOM_DB_PASSWORD");
    }
    return new PostgresSettings(url, blankToNull(user), blankToNull(password));
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The JDBC URL, free of credentials. */
  public String url() {
    return url;
  }

  /** The user to log in as, or null. */
  public String user() {
    return user;
  }

  /** The password, or null; for the connection pool only. */
  public String password() {
    return password;
  }

  @Override
  public String toString() {
    return "PostgresSettings[url=" + url + ", user=" + user + ", password=REDACTED]";
  }
}
