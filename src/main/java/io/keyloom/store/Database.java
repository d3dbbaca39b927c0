package io.keyloom.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema of one database, embedded SQLite or PostgreSQL.
 *
 * <p>SQLite runs in WAL mode with {@code synchronous=FULL}: a commit returns only once the write is
 * durable, so a response is never sent for a write that a crash could lose. {@code secure_delete}
 * makes SQLite overwrite deleted rows with zeros, so a destroyed key's wrapped material does not
 * linger in free pages.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource dataSource;

  private Database(HikariDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Opens (creating if needed) the SQLite database file and migrates it to the latest schema. */
  public static Database openSqlite(Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        "jdbc:sqlite:"
            + file.toAbsolutePath()
            + "?journal_mode=WAL&synchronous=FULL&busy_timeout=10000&foreign_keys=true"
            + "&secure_delete=true");
    config.setMaximumPoolSize(4);
    config.setPoolName("keyloom-sqlite");
    return open(config);
  }

  private static Database open(HikariConfig config) {
    HikariDataSource dataSource = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
    return new Database(dataSource);
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs work in one transaction, committing on success and rolling back on any failure. */
  public <T> T inTransaction(SqlWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw StoreException.from(e);
    }
  }

  /**
   * Moves committed changes from the write-ahead log into the database file and truncates the log,
   * so that rows deleted under {@code secure_delete} leave no older copy in the log either. Best
   * effort: a reader holding an old snapshot makes SQLite skip part of the work, which the next
   * call completes.
   */
  public void reclaimDeletedSpace() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw StoreException.from(e);
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
