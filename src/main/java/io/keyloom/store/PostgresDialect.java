package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL: it has no {@code secure_delete}. A deleted row stays in its page as a dead tuple
 * until {@code VACUUM} prunes it, so after destroying key material the table that held it is
 * vacuumed at once, which makes the space reusable and drops the row from every index; the bytes
 * may persist in free space, the write-ahead log and backups until overwritten (docs/postgresql.md
 * states the exact guarantee). The write fault makes every transaction read-only, as a failover to
 * a standby does: writes fail with SQLState 25006, which counts as "store unavailable".
 */
final class PostgresDialect implements Dialect {
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
