package io.keyloom.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The two JDBC shapes every repository needs: a parameterised update and a mapped query. */
final class Jdbc {
  private Jdbc() {}

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, params)) {
      return ps.executeUpdate();
    }
  }

  /**
   * The mapped rows of a query. A text parameter containing U+0000 matches nothing, without asking
   * the database: PostgreSQL text cannot hold it (it refuses the query with SQLState 22021), and
   * the API refuses it in what it stores (docs/postgresql.md), so lookups answer "not found" on
   * both engines.
   */
  static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    for (Object p : params) {
      if (p instanceof String s && s.indexOf('\u0000') >= 0) {
        return new ArrayList<>();
      }
    }
    try (PreparedStatement ps = prepare(c, sql, params);
        ResultSet rs = ps.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }
}
