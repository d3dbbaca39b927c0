package io.keyloom.store;

import java.sql.SQLException;

/**
 * A failed database operation. {@link Duplicate} marks a unique-constraint violation, the only
 * persistence failure that callers turn into a client error; everything else is internal.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  static StoreException from(SQLException e) {
    return isUniqueViolation(e)
        ? new Duplicate(e)
        : new StoreException("database error (SQLState " + e.getSQLState() + ")", e);
  }

  private static boolean isUniqueViolation(SQLException e) {
    // PostgreSQL reports SQLState 23505; SQLite reports error code 19 (SQLITE_CONSTRAINT) and
    // names the UNIQUE / PRIMARY KEY constraint in the message.
    if ("23505".equals(e.getSQLState())) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return e.getErrorCode() == 19
        && (message.contains("UNIQUE constraint") || message.contains("PRIMARY KEY"));
  }

  /** A row with the same unique key already exists. */
  public static final class Duplicate extends StoreException {
    private static final long serialVersionUID = 1L;

    Duplicate(SQLException cause) {
      super("duplicate key", cause);
    }
  }
}
