package io.keyloom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads a test server's SQLite database directly, the way an attacker with the data dir would, to
 * check what the store really holds (WAL mode lets this reader run beside the server). In a
 * PostgreSQL run, queries go to the server's database over JDBC; the file checks are SQLite's.
 */
final class StoreFiles {
  private StoreFiles() {}

  /** The first column of every row of {@code sql}, as strings. */
  static List<String> query(TestServer server, String sql, Object... params) {
    try (Connection c = connect(server);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getString(1));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(TestServer server) throws SQLException {
    if (server.database().isPresent()) {
      var db = server.database().get();
      return DriverManager.getConnection(db.url(), db.user(), db.password());
    }
    return DriverManager.getConnection("jdbc:sqlite:" + server.dataDir().resolve("keyloom.db"));
  }

  /** The wrapped material rows (Base64) of a key. */
  static List<String> material(TestServer server, String keyId) {
    return query(server, "SELECT wrapped_material FROM cmk_versions WHERE key_id = ?", keyId);
  }

  /** The metadata rows of a key (its ids). */
  static List<String> keyRows(TestServer server, String keyId) {
    return query(server, "SELECT key_id FROM cmks WHERE key_id = ?", keyId);
  }

  /** Whether any file of the database (main file, WAL) contains {@code text}. */
  static boolean anyFileContains(TestServer server, String text) {
    Assumptions.assumeTrue(
        server.database().isEmpty(),
        "file contents are SQLite's secure_delete guarantee; PostgreSQL has none"
            + " (docs/postgresql.md)");
    byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
    for (String name : new String[] {"keyloom.db", "keyloom.db-wal"}) {
      Path file = server.dataDir().resolve(name);
      try {
        if (Files.exists(file) && indexOf(Files.readAllBytes(file), needle) >= 0) {
          return true;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
