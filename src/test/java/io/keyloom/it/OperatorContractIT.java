package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.config.ServerConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator contract of DESIGN.md, exercised on a separate JVM the way the acceptance suite
 * starts Keyloom: {@code keyloom serve --port P --data-dir D [--seed FILE]}, env twins, {@code
 * --version}, first-start credentials.
 */
class OperatorContractIT {
  /** Data directories of the started processes; JUnit deletes it after each test. */
  @TempDir Path dir;

  private static final Pattern LISTENING =
      Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  static ProcessBuilder keyloom(String... args) {
    List<String> cmd = new ArrayList<>(KeyloomProcess.command());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true);
  }

  /** Starts a server process and returns it once it prints its port. */
  static Started serve(ProcessBuilder pb) throws IOException {
    Process p = pb.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder log = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      log.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new Started(p, Integer.parseInt(m.group(1)), log.toString());
      }
    }
    throw new AssertionError("server exited before listening:\n" + log);
  }

  record Started(Process process, int port, String log) implements AutoCloseable {
    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void version_printsTheBuildVersion() throws Exception {
    Process p = keyloom("--version").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(text).startsWith("keyloom ").doesNotContain("unknown");
  }

  @Test
  void serveHelp_namesEveryFlagAndItsEnvTwin() throws Exception {
    Process p = keyloom("serve", "--help").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(text)
        .contains(
            "--host",
            "KEYLOOM_HOST",
            "--port",
            "KEYLOOM_PORT",
            "--data-dir",
            "KEYLOOM_DATA_DIR",
            "--seed",
            "KEYLOOM_SEED",
            "--key-quota",
            "KEYLOOM_KEY_QUOTA",
            "--emulator",
            "KEYLOOM_EMULATOR",
            "--throttle",
            "KEYLOOM_THROTTLE",
            "--audit-log",
            "KEYLOOM_AUDIT_LOG",
            "--root-key-file",
            "KEYLOOM_ROOT_KEY_FILE",
            "--pkcs11-library",
            "KEYLOOM_PKCS11_LIBRARY",
            "--pkcs11-token",
            "KEYLOOM_PKCS11_TOKEN",
            "--pkcs11-key",
            "KEYLOOM_PKCS11_KEY",
            "KEYLOOM_PKCS11_PIN");
  }

  @Test
  void keyQuotaBelowOne_stopsTheStartWithOneLine() throws Exception {
    Process p =
        keyloom("serve", "--port", "0", "--data-dir", dir.toString(), "--key-quota", "0").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(1);
    assertThat(text.strip()).isEqualTo("keyloom: --key-quota must be at least 1, got 0");
  }

  @Test
  void serveWithSeed_answersHealthAndAcceptsSeededCredentials() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED);
    try (Started s =
        serve(
            keyloom(
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--seed",
                seed.toString()))) {
      Http http = new Http("http://127.0.0.1:" + s.port());
      assertThat(http.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
      assertThat(keyQuota(http))
          .as("a loopback server is an emulator, whose default quota no test suite reaches")
          .isEqualTo(ServerConfig.EMULATOR_KEY_QUOTA);
      assertThat(s.log()).doesNotContain(TestServer.PASSWORD).doesNotContain(TestServer.SK);
      assertThat(Files.getPosixFilePermissions(dir.resolve("data")))
          .isEqualTo(
              Set.of(
                  PosixFilePermission.OWNER_READ,
                  PosixFilePermission.OWNER_WRITE,
                  PosixFilePermission.OWNER_EXECUTE));
      assertAudited(dir.resolve("data").resolve("audit.log"));
    }
  }

  /**
   * Without {@code --audit-log}, the login and the quota query of {@link #keyQuota} are in the data
   * dir's audit.log, 0600, when their responses arrive (docs/audit-log.md).
   */
  private static void assertAudited(Path audit) throws IOException {
    assertThat(Files.getPosixFilePermissions(audit))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(Files.readString(audit))
        .contains("\"operation\":\"/v3/auth/tokens\"", "\"operation\":\"user-quotas\"")
        .doesNotContain(TestServer.PASSWORD);
  }

  @Test
  void emulatorOff_givesHuaweisDefaultKeyQuota() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED);
    ProcessBuilder pb =
        keyloom("serve", "--port", "0", "--data-dir", dir.resolve("data").toString());
    pb.environment().put("KEYLOOM_SEED", seed.toString());
    pb.environment().put("KEYLOOM_EMULATOR", "false");
    Path audit = dir.resolve("elsewhere.log");
    pb.environment().put("KEYLOOM_AUDIT_LOG", audit.toString());
    try (Started s = serve(pb)) {
      assertThat(keyQuota(new Http("http://127.0.0.1:" + s.port())))
          .as("Huawei's default key quota")
          .isEqualTo(ServerConfig.DEFAULT_KEY_QUOTA);
      assertAudited(audit);
      assertThat(dir.resolve("data").resolve("audit.log")).doesNotExist();
    }
  }

  private static int keyQuota(Http http) throws Exception {
    String token = http.token("acme", "alice", TestServer.PASSWORD, "cn-north-4");
    JsonNode quotas =
        http.send(
                "GET",
                "/v1.0/" + TestServer.PROJECT_ID + "/kms/user-quotas",
                null,
                Map.of("X-Auth-Token", token))
            .json();
    return quotas.path("quotas").path("resources").get(0).path("quota").asInt();
  }

  @Test
  void firstStartWithoutSeed_printsAndStoresCredentialsOnce() throws Exception {
    ProcessBuilder pb = keyloom("serve");
    pb.environment().put("KEYLOOM_PORT", "0");
    pb.environment().put("KEYLOOM_DATA_DIR", dir.toString());
    pb.environment().put("KEYLOOM_KEY_QUOTA", "1");
    try (Started s = serve(pb)) {
      Path file = dir.resolve("credentials.json");
      JsonNode creds = Http.JSON.readTree(file.toFile());
      assertThat(Files.getPosixFilePermissions(file))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      assertThat(s.log())
          .as("the AK and the file's path, never the SK or the password")
          .contains(creds.path("access_key").asText())
          .contains(file.toAbsolutePath().toString())
          .doesNotContain(creds.path("secret_key").asText())
          .doesNotContain(creds.path("password").asText());
      Http http = new Http("http://127.0.0.1:" + s.port());
      String token =
          http.token(
              creds.path("domain").asText(),
              creds.path("user").asText(),
              creds.path("password").asText(),
              creds.path("project").asText());
      assertThat(
              http.kms(
                      token,
                      creds.path("project_id").asText(),
                      "create-key",
                      "{\"key_alias\":\"first\"}")
                  .status())
          .isEqualTo(200);
      assertThat(
              http.kms(
                      token,
                      creds.path("project_id").asText(),
                      "create-key",
                      "{\"key_alias\":\"second\"}")
                  .errorCode())
          .as("KEYLOOM_KEY_QUOTA=1")
          .isEqualTo("KMS.1105");
    }
    try (Started again = serve(pb)) {
      assertThat(again.log()).doesNotContain("First start");
    }
  }
}
