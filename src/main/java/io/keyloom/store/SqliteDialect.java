package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite: {@code secure_delete} zeroes deleted rows in the database file, and a {@code TRUNCATE}
 * checkpoint moves committed pages out of the write-ahead log and empties it, so no older copy of a
 * destroyed key's wrapped material lingers in the log either. The write fault is a genuine {@code
 * SQLITE_FULL} ({@link PageLimitFault}).
 */
final class SqliteDialect implements Dialect {
  private final PageLimitFault fault = new PageLimitFault();

  @Override
  public String name() {
    return "SQLite";
  }

  /**
   * Best effort: a reader holding an old snapshot makes SQLite skip part of the work, which the
   * next call completes.
   */
  @Override
  public void reclaimDeletedSpace(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  @Override
  public void simulateWriteFault(boolean on) {
    fault.set(on);
  }

  @Override
  public void applyFault(Connection c) throws SQLException {
    fault.apply(c);
  }
}
