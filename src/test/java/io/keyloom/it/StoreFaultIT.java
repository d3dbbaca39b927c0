package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full disk, injected through SQLite's own page limit (genuine {@code SQLITE_FULL}, see
 * docs/storage.md): writes answer 503 with the error JSON, reads and the hot path keep working, and
 * the server recovers by itself once space returns.
 */
class StoreFaultIT {
  private static final String DESCRIPTION = "x".repeat(200);
  private TestServer server;
  private Http http;
  private String token;

  @BeforeEach
  void start() {
    server = TestServer.start();
    http = new Http(server.endpoint());
    token = login().header("X-Subject-Token");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void diskFull_answers503WithErrorJsonAndNoInternalDetail() {
    Http.Response full = fillDisk();

    assertThat(full.status()).isEqualTo(503);
    assertThat(full.errorCode()).isEqualTo("KMS.0104");
    assertThat(full.header("X-Request-Id")).isNotBlank();
    assertThat(full.text()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
    assertThat(createKey("still-full").status()).isEqualTo(503);
  }

  @Test
  void diskFull_keepsLoginAndCryptoWithACachedKeyWorking() {
    String keyId = createKey("hot").json().path("key_info").path("key_id").asText();
    String cipher = encrypt(keyId).json().path("cipher_text").asText();
    fillDisk();

    assertThat(encrypt(keyId).status()).as("encrypt-data on a full disk").isEqualTo(200);
    assertThat(decrypt(cipher).json().path("plain_text").asText()).isEqualTo("hello");
    assertThat(login().status()).as("login reads only").isEqualTo(201);
  }

  @Test
  void diskFull_thenFreed_recoversWithoutRestartAndReadyFollows() throws Exception {
    fillDisk();
    assertThat(http.send("GET", "/ready", null, Map.of()).status()).isEqualTo(503);
    Http.Response health = http.send("GET", "/health", null, Map.of());
    assertThat(health.status()).as("liveness stays 200").isEqualTo(200);
    assertThat(health.json().path("store").asText()).isEqualTo("DOWN");

    server.simulateDiskFull(false);

    assertThat(eventually(() -> createKey("after").status() == 200)).isTrue();
    assertThat(login().status()).isEqualTo(201);
    assertThat(eventually(() -> http.send("GET", "/ready", null, Map.of()).status() == 200))
        .isTrue();
    assertThat(http.send("GET", "/health", null, Map.of()).json().path("store").asText())
        .isEqualTo("UP");
  }

  @Test
  void diskFull_logsSqliteFullOnceAndNoRollbackNoise() {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      fillDisk();
      for (int i = 0; i < 5; i++) {
        createKey("again-" + i);
      }
    } finally {
      System.setErr(original);
    }
    String text = log.toString(StandardCharsets.UTF_8);
    // PostgreSQL's fault is a read-only transaction (docs/postgresql.md): SQLState 25006.
    String cause = TestDatabases.postgres() ? "SQLState 25006" : "SQLITE_FULL";
    assertThat(text.lines().filter(l -> l.contains(cause))).hasSize(1);
    assertThat(text)
        .doesNotContain("cannot rollback")
        .doesNotContain("\tat ")
        .doesNotContain(DESCRIPTION)
        .doesNotContain(TestServer.PASSWORD);
  }

  /** Creates keys until the injected full disk refuses one; returns that refusal. */
  private Http.Response fillDisk() {
    server.simulateDiskFull(true);
    for (int i = 0; i < 500; i++) {
      Http.Response r = createKey("fill-" + i);
      if (r.status() != 200) {
        return r;
      }
    }
    throw new AssertionError("500 keys fit on a full disk");
  }

  private Http.Response createKey(String alias) {
    return http.kms(
        token,
        TestServer.PROJECT_ID,
        "create-key",
        "{\"key_alias\":\"" + alias + "\",\"key_description\":\"" + DESCRIPTION + "\"}");
  }

  private Http.Response encrypt(String keyId) {
    return http.kms(
        token,
        TestServer.PROJECT_ID,
        "encrypt-data",
        "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"hello\"}");
  }

  private Http.Response decrypt(String cipher) {
    return http.kms(
        token, TestServer.PROJECT_ID, "decrypt-data", "{\"cipher_text\":\"" + cipher + "\"}");
  }

  private Http.Response login() {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"%s"}}}},"scope":{"project":{"name":"%s"}}}}"""
            .formatted(TestServer.USER, TestServer.PASSWORD, TestServer.DOMAIN, TestServer.PROJECT);
    return http.post("/v3/auth/tokens", body, Map.of());
  }

  /** Polls for up to 5 s: recovery must take seconds, not a restart. */
  private static boolean eventually(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
