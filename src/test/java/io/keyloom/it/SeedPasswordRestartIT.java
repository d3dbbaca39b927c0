package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.KeyloomServer;
import io.keyloom.config.ConnectionLimits;
import io.keyloom.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed passwords across restarts (docs/start-time.md): an unchanged seed password is not hashed
 * again (the stored hash and seed check stay byte-identical) and still logs in; a changed one takes
 * effect at the next start, and the old one stops working.
 */
class SeedPasswordRestartIT {
  @TempDir Path dir;

  private static final String SEED =
      """
      domains:
        - name: acme
          projects:
            - name: cn-north-4
          users:
            - name: alice
              password: "%s"
      """;

  private KeyloomServer start(String password) throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, SEED.formatted(password), StandardCharsets.UTF_8);
    return KeyloomServer.start(
        new ServerConfig(
            "127.0.0.1",
            0,
            dir.resolve("data"),
            Optional.of(seed),
            ServerConfig.DEFAULT_MAX_BODY_BYTES,
            Duration.ofHours(1),
            TestServer.TEST_KEY_QUOTA,
            Optional.empty(),
            Optional.empty(),
            ConnectionLimits.defaults(),
            true,
            0,
            Optional.empty(),
            true,
            null,
            Optional.empty()),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static int login(KeyloomServer server, String password) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice",\
        "password":"%s","domain":{"name":"acme"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"""
            .formatted(password);
    return new Http("http://127.0.0.1:" + server.port())
        .post("/v3/auth/tokens", body, Map.of())
        .status();
  }

  /** alice's stored password hash and seed check, as the database file holds them. */
  private String storedPassword() throws Exception {
    Path db = dir.resolve("data").resolve("keyloom.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT password_hash, seed_check FROM users WHERE name = 'alice'")) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1) + " " + rs.getString(2);
    }
  }

  @Test
  void anUnchangedSeedPassword_isKeptAsStored_andAChangedOneTakesEffect() throws Exception {
    try (KeyloomServer server = start("Alice-Passw0rd!")) {
      assertThat(login(server, "Alice-Passw0rd!")).isEqualTo(201);
    }
    String first = storedPassword();
    assertThat(first).doesNotContain("null");

    try (KeyloomServer server = start("Alice-Passw0rd!")) {
      assertThat(storedPassword()).isEqualTo(first);
      assertThat(login(server, "Alice-Passw0rd!")).isEqualTo(201);
    }

    try (KeyloomServer server = start("Alice-Changed-Passw0rd!")) {
      assertThat(storedPassword()).isNotEqualTo(first);
      assertThat(login(server, "Alice-Changed-Passw0rd!")).isEqualTo(201);
      assertThat(login(server, "Alice-Passw0rd!")).isEqualTo(401);
    }
  }
}
