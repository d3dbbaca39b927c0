package io.keyloom.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Whether a database already holds exactly the schema this build migrates to, read from Flyway's
 * history table with one query, so that a start on a current database skips Flyway (its classpath
 * scan, validation and history bookkeeping cost more than the rest of opening the store;
 * docs/start-time.md). Anything else (no history table, a failed or unknown migration, one missing)
 * answers false, and Flyway migrates, validates and reports as before.
 */
final class SchemaVersion {
  /**
   * The versions of {@code src/main/resources/db/migration}, in order. A new migration adds its
   * version here; {@code SchemaVersionTest} fails until it does.
   */
  static final List<String> MIGRATIONS = List.of("1", "2", "3", "4", "5", "6", "7");

  private SchemaVersion() {}

  /** True only when every migration of this build, and no other, is recorded as applied. */
  static boolean isCurrent(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
      Set<String> applied = new HashSet<>();
      while (rs.next()) {
        String version = rs.getString(1);
        if (!rs.getBoolean(2)) {
          return false;
        } else if (version != null) { // null: Flyway's schema marker rows
          applied.add(version);
        }
      }
      return applied.equals(Set.copyOf(MIGRATIONS));
    } catch (SQLException e) {
      return false; // a new database has no history table yet
    }
  }
}
