package io.keyloom.it;

import io.keyloom.config.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store test servers use: SQLite in their data directory, or, when the system property {@code
 * keyloom.test.db} is {@code postgres} (the second surefire run, docs/testing.md), a fresh database
 * of the JVM's {@link PostgresCluster} for each server.
 */
public final class TestDatabases {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestDatabases() {}

  /** Whether this test run puts servers on PostgreSQL. */
  public static boolean postgres() {
    return "postgres".equals(System.getProperty("keyloom.test.db"));
  }

  /** A fresh database for one server in a PostgreSQL run; empty (SQLite) otherwise. */
  public static Optional<PostgresSettings> forServer() {
    return postgres() ? Optional.of(fresh()) : Optional.empty();
  }

  /** A new, empty PostgreSQL database owned by {@link PostgresCluster#USER}. */
  public static PostgresSettings fresh() {
    PostgresCluster cluster = PostgresCluster.get();
    String name = "kl_" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
    admin(cluster, "CREATE DATABASE " + name + " OWNER " + PostgresCluster.USER);
    return PostgresSettings.of(cluster.url(name), PostgresCluster.USER, cluster.password());
  }

  /** Drops a database made by {@link #fresh}, closing any connection left to it. */
  public static void drop(Optional<PostgresSettings> db) {
    db.ifPresent(
        s -> {
          String name = s.url().substring(s.url().lastIndexOf('/') + 1);
          admin(PostgresCluster.get(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        });
  }

  /** The environment a {@code keyloom} process needs for {@code --db-url} to log in. */
  public static Map<String, String> env(PostgresSettings db) {
    return Map.of("KEYLOOM_DB_USER", db.user(), "KEYLOOM_DB_PASSWORD", db.password());
  }

  /** The password every test database's user has: what no output may contain. */
  public static String password() {
    return PostgresCluster.get().password();
  }

  static void createUser(PostgresCluster cluster) {
    admin(
        cluster,
        "CREATE ROLE " + PostgresCluster.USER + " LOGIN PASSWORD '" + cluster.password() + "'");
  }

  private static void admin(PostgresCluster cluster, String sql) {
    try (Connection c =
            DriverManager.getConnection(
                cluster.url("postgres"), cluster.admin(), cluster.adminPassword());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test PostgreSQL: " + sql + " failed", e);
    }
  }
}
