package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An injected "disk full": SQLite's per-connection {@code max_page_count}, set on every connection
 * as it is borrowed. Setting it below the current size pins it at the current size, so a write that
 * needs one more page fails with a genuine {@code SQLITE_FULL}, exactly as on a full disk.
 */
final class PageLimitFault {
  /** SQLite's historical default page limit, far above any real database. */
  private static final long NO_LIMIT = 1_073_741_823L;

  /** Null until a fault was first injected: a server that never had one pays nothing. */
  private volatile Long limit;

  void set(boolean full) {
    limit = full ? 1L : NO_LIMIT;
  }

  void apply(Connection c) throws SQLException {
    Long pages = limit;
    if (pages != null) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA max_page_count = " + pages);
      }
    }
  }
}
