package io.keyloom.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A failed database operation. {@link Duplicate} marks a unique-constraint violation, the only
 * persistence failure that callers turn into a client error; {@link Unavailable} marks a store that
 * cannot serve right now (disk full, I/O error, lock or pool timeout), which clients see as a 503
 * to retry; everything else is an internal error.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  static StoreException from(SQLException e) {
    if (isUniqueViolation(e)) {
      return new Duplicate(e);
    }
    if (isUnavailable(e)) {
      return new Unavailable(e);
    }
    return new StoreException("database error (SQLState " + e.getSQLState() + ")", e);
  }

  static boolean isUniqueViolation(SQLException e) {
    // PostgreSQL reports SQLState 23505; SQLite reports error code 19 (SQLITE_CONSTRAINT) and
    // names the UNIQUE / PRIMARY KEY constraint in the message.
    if ("23505".equals(e.getSQLState())) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return e.getErrorCode() == 19
        && (message.contains("UNIQUE constraint") || message.contains("PRIMARY KEY"));
  }

  /**
   * Whether the failure is the environment's, not the request's or the code's: the same call can
   * succeed once space, the disk or the lock holder comes back.
   */
  static boolean isUnavailable(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return true; // HikariCP: no connection within the pool's timeout
    }
    String state = String.valueOf(e.getSQLState());
    if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")) {
      return true; // PostgreSQL: connection lost, insufficient resources, server shutting down
    }
    if (state.equals("25006")) {
      return true; // PostgreSQL: read-only transaction, e.g. connected to a standby after failover
    }
    return SqliteCodes.isUnavailable(e);
  }

  /** A row with the same unique key already exists. */
  public static final class Duplicate extends StoreException {
    private static final long serialVersionUID = 1L;

    Duplicate(SQLException cause) {
      super("duplicate key", cause);
    }
  }

  /** The store cannot serve now (disk full, I/O error, busy); the same call may succeed later. */
  public static final class Unavailable extends StoreException {
    private static final long serialVersionUID = 1L;

    Unavailable(SQLException cause) {
      super("store unavailable: " + SqliteCodes.describe(cause), cause);
    }
  }
}
