package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start skips Flyway only on a database that holds exactly this build's schema. */
class SchemaVersionTest {
  @TempDir Path dir;

  private String url() {
    return "jdbc:sqlite:" + dir.resolve("keyloom.db");
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private boolean current() {
    org.sqlite.SQLiteDataSource source = new org.sqlite.SQLiteDataSource();
    source.setUrl(url());
    return SchemaVersion.isCurrent(source);
  }

  @Test
  void theListedMigrations_areExactlyTheMigrationFiles() throws Exception {
    URL folder = SchemaVersion.class.getResource("/db/migration");
    List<String> versions;
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      versions =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("V\\d+__.*\\.sql"))
              .map(n -> n.substring(1, n.indexOf("__")))
              .sorted(Comparator.comparingInt(Integer::parseInt))
              .toList();
    }
    assertThat(SchemaVersion.MIGRATIONS).isEqualTo(versions);
  }

  @Test
  void aMigratedDatabase_isCurrent() {
    Database.openSqlite(dir.resolve("keyloom.db")).close();
    assertThat(current()).isTrue();
  }

  @Test
  void aNewDatabase_aFailedMigration_orAMissingOne_isNotCurrent() throws Exception {
    assertThat(current()).as("no history table").isFalse();
    Database.openSqlite(dir.resolve("keyloom.db")).close();
    sql("UPDATE flyway_schema_history SET success = 0 WHERE version = '3'");
    assertThat(current()).as("failed migration").isFalse();
    sql("DELETE FROM flyway_schema_history WHERE version = '3'");
    assertThat(current()).as("missing migration").isFalse();
  }

  @Test
  void aDatabaseAtAnOlderSchema_isMigratedOnOpen() throws Exception {
    Flyway.configure()
        .dataSource(url(), null, null)
        .locations("classpath:db/migration")
        .target("2")
        .load()
        .migrate();
    assertThat(current()).isFalse();

    Database.openSqlite(dir.resolve("keyloom.db")).close();

    assertThat(current()).isTrue();
    sql("UPDATE users SET seed_check = NULL"); // the column of V3 exists
  }
}
