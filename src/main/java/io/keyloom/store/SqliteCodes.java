package io.keyloom.store;

import java.sql.SQLException;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite result codes: which mean "the store cannot serve now", and how to name them in a log. */
final class SqliteCodes {
  /**
   * Primary result codes caused by the environment: BUSY and LOCKED (a lock outlived the busy
   * timeout), NOMEM, READONLY (file or directory became read-only), IOERR, FULL (disk or page
   * limit), CANTOPEN, PROTOCOL (WAL lock race). CORRUPT and NOTADB are not here: retrying does not
   * help, they stay internal errors.
   */
  private static final Set<Integer> UNAVAILABLE = Set.of(5, 6, 7, 8, 10, 13, 14, 15);

  private SqliteCodes() {}

  static boolean isUnavailable(SQLException e) {
    return e instanceof SQLiteException s && UNAVAILABLE.contains(s.getResultCode().code & 0xff);
  }

  /**
   * The failure's name and fixed meaning, e.g. {@code SQLITE_FULL (Insertion failed because
   * database is full)}. Built from the result code only, never from the message, so no SQL text or
   * value can reach a log through it.
   */
  static String describe(SQLException e) {
    if (e instanceof SQLiteException s) {
      SQLiteErrorCode code = s.getResultCode();
      return code.name() + " (" + code.message + ")";
    }
    return e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")";
  }
}
