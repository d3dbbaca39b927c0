package io.keyloom.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.keyloom.config.PostgresSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema of one database, embedded SQLite or PostgreSQL.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a commit returns only once the write is
 * durable, so a response is never sent for a write that a crash could lose. {@code secure_delete}
 * makes SQLite overwrite deleted rows with zeros, so a destroyed key's wrapped material does not
 * linger in free pages. PostgreSQL differs where {@link Dialect} says (docs/postgresql.md).
 *
 * <p>Faults (docs/storage.md): a failed transaction's connection is evicted from the pool unless
 * its rollback succeeded after a constraint violation, so no connection in an unknown state is
 * reused; failures caused by the environment (disk full, I/O error, busy, pool timeout) become
 * {@link StoreException.Unavailable} and mark the store down until a probe write succeeds.
 */
public final class Database implements AutoCloseable {
  /** How long a call waits for a pooled connection before the store counts as unavailable. */
  private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  /** A probe value long enough to need a page of its own, as a typical write does. */
  private static final String PROBE_VALUE = "p".repeat(4000);

  private final HikariDataSource dataSource;
  private final StoreHealth health = new StoreHealth();
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Opens (creating if needed) the SQLite database file and migrates it to the latest schema; a
   * database already at it is left to itself, without Flyway ({@link SchemaVersion}).
   */
  public static Database openSqlite(Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:sqlite:"
            + file.toAbsolutePath()
            + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true"
            + "&secure_delete=true");
    config.setMaximumPoolSize(4);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setPoolName("keyloom-sqlite");
    return open(config, new SqliteDialect());
  }

  /**
   * Opens a PostgreSQL database and migrates it like a SQLite one, with the same migrations.
   * Several nodes may start at once on one database: Flyway serialises their migrations with an
   * advisory lock. The password goes to the pool only, never into a message.
   */
  public static Database openPostgres(PostgresSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.addDataSourceProperty("ApplicationName", "keyloom");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    config.setPoolName("keyloom-postgresql");
    Database db = open(config, new PostgresDialect());
    PostgresDialect.warnUnlessByteOrder(db.dataSource);
    return db;
  }

  private static Database open(HikariConfig config, Dialect dialect) {
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      if (!SchemaVersion.isCurrent(dataSource)) {
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
      }
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource, dialect);
  }

  /** {@code SQLite} or {@code PostgreSQL}. */
  public String kind() {
    return dialect.name();
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs work in one transaction, committing on success and rolling back on any failure.
   *
   * @throws StoreException.Unavailable when the environment failed (disk full, I/O, busy, timeout)
   * @throws StoreException.Duplicate on a unique-constraint violation
   */
  public <T> T inTransaction(SqlWork<T> work) {
    T result = run(work, true);
    if (health.isDown() && health.claimProbe()) {
      probeWrite(); // a call that worked hints that the store is back; confirm with a write
    }
    return result;
  }

  /**
   * Whether the store serves now: a read while it is up; while it is down, a write of about one
   * page (at most every 500 ms), whose success marks it up again. Answers within the pool's
   * connection timeout (5 s) plus SQLite's busy timeout at worst.
   */
  public boolean ready() {
    if (health.isDown()) {
      return health.claimProbe() && probeWrite();
    }
    try {
      run(c -> Jdbc.query(c, "SELECT COUNT(*) FROM settings", rs -> rs.getInt(1)), false);
      return true;
    } catch (StoreException e) {
      if (!(e instanceof StoreException.Unavailable) && e.getCause() instanceof SQLException s) {
        health.failed(SqliteCodes.describe(s)); // e.g. a corrupt file: say so once, probe on
      }
      return false;
    }
  }

  /** Whether the last failure left the store marked down, without touching the database. */
  public boolean isDown() {
    return health.isDown();
  }

  private boolean probeWrite() {
    try {
      run(
          c -> {
            Jdbc.update(
                c, "INSERT INTO settings (name, value) VALUES (?, ?)", "store_probe", PROBE_VALUE);
            return Jdbc.update(c, "DELETE FROM settings WHERE name = ?", "store_probe");
          },
          true);
      health.recovered();
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  /**
   * Reclaims the space of rows just deleted that held wrapped key material: on SQLite a {@code
   * TRUNCATE} checkpoint of the write-ahead log (deleted rows are zeroed by {@code secure_delete}),
   * on PostgreSQL a {@code VACUUM} of the versions table ({@link Dialect}).
   */
  public void reclaimDeletedSpace() {
    run(
        c -> {
          dialect.reclaimDeletedSpace(c);
          return null;
        },
        false);
  }

  /**
   * Makes writes fail as when the store cannot take them, or ends that. On SQLite every write that
   * needs a new page fails with a genuine {@code SQLITE_FULL}, as on a full disk ({@code PRAGMA
   * max_page_count}); on PostgreSQL every transaction becomes read-only, as after a failover to a
   * standby (SQLState 25006). For fault tests: mounting a small filesystem needs privileges that CI
   * lacks.
   */
  public void simulateDiskFull(boolean full) {
    dialect.simulateWriteFault(full);
  }

  private <T> T run(SqlWork<T> work, boolean transaction) {
    Connection c = null;
    boolean reusable = false;
    try {
      c = dataSource.getConnection();
      dialect.applyFault(c);
      c.setAutoCommit(!transaction);
      T result = work.run(c);
      if (transaction) {
        c.commit();
      }
      reusable = true;
      return result;
    } catch (SQLException e) {
      reusable = rolledBack(c, transaction, e) && StoreException.isUniqueViolation(e);
      throw failed(e);
    } catch (RuntimeException e) {
      reusable = rolledBack(c, transaction, e);
      throw e;
    } finally {
      release(c, reusable);
    }
  }

  /**
   * Rolls back after a failure; false when the connection's state is unknown. After SQLITE_FULL or
   * IOERR, SQLite may already have rolled back by itself while the driver still believes a
   * transaction is open: the rollback then fails ("cannot rollback"), is kept as suppressed under
   * the original error instead of replacing it, and the connection must not be reused.
   */
  private static boolean rolledBack(Connection c, boolean transaction, Exception cause) {
    if (c == null || !transaction) {
      return c != null;
    }
    try {
      c.rollback();
      // Back to the pool's default: evicting a connection still in transaction mode makes
      // HikariCP reset the closed connection on close() (a NullPointerException on PostgreSQL).
      c.setAutoCommit(true);
      return true;
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
      return false;
    }
  }

  private StoreException failed(SQLException e) {
    StoreException failure = StoreException.from(e);
    if (failure instanceof StoreException.Unavailable) {
      health.failed(SqliteCodes.describe(e));
    }
    return failure;
  }

  /** Returns a connection to the pool, or evicts it when its state cannot be trusted. */
  private void release(Connection c, boolean reusable) {
    if (c == null) {
      return;
    }
    if (!reusable) {
      dataSource.evictConnection(c);
    }
    try {
      c.close();
    } catch (SQLException e) {
      // Resetting the connection failed (e.g. the driver's rollback on close): never reuse it.
      dataSource.evictConnection(c);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /** A unit of JDBC work. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /** Runs against the transaction's connection. */
    T run(Connection connection) throws SQLException;
  }
}
