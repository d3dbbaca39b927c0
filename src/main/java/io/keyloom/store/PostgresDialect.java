package io.keyloom.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: it has no {@code secure_delete}. A deleted row stays in its page as a dead tuple
 * until {@code VACUUM} prunes it, so after destroying key material the table that held it is
 * vacuumed at once, which makes the space reusable and drops the row from every index; the bytes
 * may persist in free space, the write-ahead log and backups until overwritten (docs/postgresql.md
 * states the exact guarantee). The write fault makes every transaction read-only, as a failover to
 * a standby does: writes fail with SQLState 25006, which counts as "store unavailable".
 */
final class PostgresDialect implements Dialect {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Collations that order text byte-wise (for UTF-8, by code point), as SQLite's BINARY does. */
  private static final Set<String> BYTE_ORDER = Set.of("C", "POSIX", "C.UTF-8", "C.utf8");

  /** Null until a fault was first injected: a server that never had one pays nothing. */
  private volatile Boolean readOnly;

  @Override
  public String name() {
    return "PostgreSQL";
  }

  /**
   * Plain {@code VACUUM}, not {@code VACUUM FULL}: it takes no lock that blocks readers or writers
   * of the table. A transaction holding an older snapshot keeps dead rows alive; the next sweep's
   * vacuum removes them.
   */
  @Override
  public void reclaimDeletedSpace(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM cmk_versions");
    }
  }

  /**
   * Logs one warning when the database's collation is not byte-wise: list operations order aliases
   * and tags by name, and would then order them unlike SQLite and Huawei. Not a start error: the
   * order is consistent, paging stays correct.
   */
  static void warnUnlessByteOrder(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
      if (rs.next() && !BYTE_ORDER.contains(rs.getString(1))) {
        LOG.warn(
            "database collation is {}, not C: aliases and tags are listed in its order, not"
                + " byte-wise (docs/postgresql.md)",
            rs.getString(1));
      }
    } catch (SQLException e) {
      LOG.warn("could not read the database collation (SQLState {})", e.getSQLState());
    }
  }

  @Override
  public void simulateWriteFault(boolean on) {
    readOnly = on;
  }

  @Override
  public void applyFault(Connection c) throws SQLException {
    Boolean on = readOnly;
    if (on != null) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "SET SESSION CHARACTERISTICS AS TRANSACTION " + (on ? "READ ONLY" : "READ WRITE"));
      }
    }
  }
}
