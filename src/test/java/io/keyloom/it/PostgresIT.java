package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.PostgresSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyloom serve --db-url} over a real PostgreSQL server (docs/postgresql.md), as an operator
 * runs it: its own JVM, credentials from the environment only. Runs in the PostgreSQL test run
 * only; the rest of the integration suite runs there too, on one database per server.
 */
class PostgresIT {
  @TempDir Path dir;
  private PostgresSettings db;

  @AfterEach
  void dropDatabase() {
    TestDatabases.drop(java.util.Optional.ofNullable(db));
  }

  private KeyloomProcess serve(PostgresSettings settings, Path log) throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED, StandardCharsets.UTF_8);
    List<String> args =
        List.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.resolve("data").toString(),
            "--seed",
            seed.toString(),
            "--db-url",
            settings.url());
    return KeyloomProcess.serve(args, dir, TestDatabases.env(settings), log);
  }

  @Test
  void serve_storesKeysInPostgres_keepsTheRootKeyInTheDataDir_andNeverPrintsThePassword()
      throws Exception {
    db = TestDatabases.fresh();
    Path log = dir.resolve("server.log");
    try (KeyloomProcess server = serve(db, log)) {
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      Http.Response created =
          http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"pg-key\"}");
      assertThat(created.status()).isEqualTo(200);
      assertThat(count("SELECT COUNT(*) FROM cmks WHERE key_alias = 'pg-key'")).isEqualTo(1);
      assertThat(server.log()).doesNotContain(db.password());
    }
    assertThat(dir.resolve("data").resolve("root.key")).exists();
    assertThat(dir.resolve("data").resolve("keyloom.db")).doesNotExist();
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain(db.password());
  }

  @Test
  void uniqueViolations_onPostgres_areTheDocumented400s_not500() throws Exception {
    db = TestDatabases.fresh();
    try (KeyloomProcess server = serve(db, dir.resolve("server.log"))) {
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      Http.Response first =
          http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"dup\"}");
      String keyId = first.json().path("key_info").path("key_id").asText();
      Http.Response again =
          http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"dup\"}");
      assertThat(again.status()).isEqualTo(400);
      assertThat(again.errorCode()).isEqualTo("KMS.1104");
      String alias = "{\"key_id\":\"" + keyId + "\",\"alias\":\"alias/pg-dup\"}";
      assertThat(http.kms(token, TestServer.PROJECT_ID, "aliases", alias).status()).isEqualTo(201);
      Http.Response dupAlias = http.kms(token, TestServer.PROJECT_ID, "aliases", alias);
      assertThat(dupAlias.status()).isEqualTo(400);
      assertThat(dupAlias.errorCode()).isEqualTo("KMS.1104");
      assertThat(server.log()).doesNotContain("23505").doesNotContain(" 500 ");
    }
  }

  @Test
  void wrongPassword_isOneStartErrorLine_thatNamesNeitherPassword() throws Exception {
    db = TestDatabases.fresh();
    Map<String, String> env = new HashMap<>(TestDatabases.env(db));
    env.put("KEYLOOM_DB_PASSWORD", "wrong-" + db.password());
    StartErrorsIT.Failure f = run(env, "--db-url", db.url());
    assertThat(f.exitCode()).as(f.output()).isEqualTo(1);
    assertThat(f.output())
        .startsWith("keyloom: ")
        .contains("password authentication failed")
        .doesNotContain("\n")
        .doesNotContain(db.password());
  }

  @Test
  void aUrlThatIsNotPostgres_orCarriesCredentials_isAStartError() throws Exception {
    StartErrorsIT.Failure mysql = run(Map.of(), "--db-url", "jdbc:mysql://127.0.0.1/k");
    StartErrorsIT.assertOneLine(
        mysql,
        "keyloom: --db-url must be a PostgreSQL URL, jdbc:postgresql://HOST:PORT/DB (without it"
            + " the store is SQLite in the data dir)");
    StartErrorsIT.Failure inUrl =
        run(Map.of(), "--db-url", "jdbc:postgresql://127.0.0.1/k?user=a&password=s3cret-in-url");
    StartErrorsIT.assertOneLine(
        inUrl,
        "keyloom: --db-url must not carry credentials: set KEYLOOM_DB_USER and"
            + " KEYLOOM_DB_PASSWORD");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  private StartErrorsIT.Failure run(Map<String, String> env, String... dbArgs) throws Exception {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("serve", "--port", "0", "--data-dir", dir.resolve("data").toString()));
    args.addAll(List.of(dbArgs));
    ProcessBuilder pb = OperatorContractIT.keyloom(args.toArray(String[]::new));
    pb.environment().keySet().removeIf(k -> k.startsWith("KEYLOOM_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new StartErrorsIT.Failure(p.waitFor(), out.strip());
  }

  private int count(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
