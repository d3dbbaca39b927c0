package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which database failures are the environment's (503, retry) and which stay internal (500). */
class StoreExceptionTest {
  @Test
  void environmentFailures_areUnavailable() {
    for (SQLiteErrorCode code :
        new SQLiteErrorCode[] {
          SQLiteErrorCode.SQLITE_FULL,
          SQLiteErrorCode.SQLITE_IOERR,
          SQLiteErrorCode.SQLITE_IOERR_WRITE,
          SQLiteErrorCode.SQLITE_IOERR_FSYNC,
          SQLiteErrorCode.SQLITE_BUSY,
          SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT,
          SQLiteErrorCode.SQLITE_CANTOPEN,
          SQLiteErrorCode.SQLITE_READONLY
        }) {
      assertThat(StoreException.from(new SQLiteException("detail", code)))
          .as(code.name())
          .isInstanceOf(StoreException.Unavailable.class);
    }
    assertThat(StoreException.from(new SQLTransientConnectionException("pool timeout")))
        .isInstanceOf(StoreException.Unavailable.class);
    assertThat(StoreException.from(new SQLException("disk full", "53100")))
        .as("PostgreSQL disk_full")
        .isInstanceOf(StoreException.Unavailable.class);
  }

  @Test
  void corruptionAndSqlErrors_stayInternal() {
    for (SQLiteErrorCode code :
        new SQLiteErrorCode[] {
          SQLiteErrorCode.SQLITE_CORRUPT,
          SQLiteErrorCode.SQLITE_NOTADB,
          SQLiteErrorCode.SQLITE_ERROR
        }) {
      StoreException e = StoreException.from(new SQLiteException("detail", code));
      assertThat(e).as(code.name()).isNotInstanceOf(StoreException.Unavailable.class);
      assertThat(e).isNotInstanceOf(StoreException.Duplicate.class);
    }
  }

  @Test
  void unavailable_describesTheResultCodeButNotTheMessage() {
    StoreException e =
        StoreException.from(
            new SQLiteException("INSERT ... 'secret-value'", SQLiteErrorCode.SQLITE_FULL));
    assertThat(e.getMessage()).contains("SQLITE_FULL").doesNotContain("secret-value");
  }
}
