package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.store.Database;
import io.keyloom.store.ServiceKeyStore;
import io.keyloom.store.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root key in an HSM (SoftHSM2 through PKCS#11, docs/root-of-trust.md), through the real CLI on
 * its own JVM: keys made under it survive a restart; every stored blob names the HSM key; a node
 * with another HSM key, a wrong PIN, no PIN, an extractable key or an unknown token refuses to
 * start with one line and exit code 1, leaving the database as it was; the PIN is never printed.
 */
class Pkcs11IT {
  private static final String PIN = "pin-4711-never-printed";
  @TempDir Path dir;

  record Run(int exitCode, String output) {}

  private SoftHsm hsm() throws Exception {
    return new SoftHsm(Files.createDirectories(dir.resolve("hsm")))
        .token("keyloom", PIN)
        .aesKey("keyloom", PIN, "root", false)
        .aesKey("keyloom", PIN, "loose", true)
        .token("other", PIN)
        .aesKey("other", PIN, "root", false);
  }

  private List<String> args(SoftHsm hsm, String token, String key) throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED);
    return new ArrayList<>(
        List.of(
            "serve",
            "--port",
            "0",
            "--data-dir",
            dir.resolve("data").toString(),
            "--seed",
            seed.toString(),
            "--pkcs11-library",
            hsm.library.toString(),
            "--pkcs11-token",
            token,
            "--pkcs11-key",
            key));
  }

  private Map<String, String> env(SoftHsm hsm, String pin) {
    Map<String, String> env = new HashMap<>(hsm.env());
    if (pin != null) {
      env.put("KEYLOOM_PKCS11_PIN", pin);
    }
    return env;
  }

  private KeyloomProcess serve(SoftHsm hsm, String log) throws Exception {
    return KeyloomProcess.serve(args(hsm, "keyloom", "root"), dir, env(hsm, PIN), dir.resolve(log));
  }

  private Run refused(SoftHsm hsm, String token, String key, String pin) throws Exception {
    ProcessBuilder pb = OperatorContractIT.keyloom(args(hsm, token, key).toArray(String[]::new));
    pb.environment().keySet().removeIf(k -> k.startsWith("KEYLOOM_"));
    pb.environment().putAll(env(hsm, pin));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    Run run = new Run(p.waitFor(), out);
    assertThat(run.exitCode()).as(out).isEqualTo(1);
    assertThat(out).doesNotContain("\n").doesNotContain("\tat ").doesNotContain(PIN);
    return run;
  }

  private static KmsClient alice(KeyloomProcess server) {
    return Sdk.client(
        server.endpoint(),
        TestServer.AK,
        TestServer.SK,
        TestServer.PROJECT_ID,
        HttpConfig.getDefaultHttpConfig());
  }

  @Test
  void hsmRootKey_sealsEverything_survivesRestarts_andRefusesEveryOtherKey() throws Exception {
    SoftHsm hsm = hsm();
    String keyId;
    String cipher;
    try (KeyloomProcess server = serve(hsm, "first.log")) {
      KmsClient kms = alice(server);
      keyId = Keys.create(kms, "AES_256", null);
      cipher = Keys.encrypt(kms, keyId, null, "sealed in the HSM").getCipherText();
      assertThat(server.log()).doesNotContain(PIN);
    }
    Path data = dir.resolve("data");
    assertThat(data.resolve("root.key")).doesNotExist();
    assertEveryBlobNames(data, "pkcs11:keyloom/root");
    String before = sha256(data.resolve("keyloom.db"));

    assertThat(refused(hsm, "other", "root", PIN).output())
        .isEqualTo(
            "keyloom: the root key pkcs11:other/root does not match this database (sealed under"
                + " pkcs11:keyloom/root): refusing to start");
    assertThat(refused(hsm, "keyloom", "root", "wrong-pin").output())
        .isEqualTo(
            "keyloom: cannot log in to the PKCS#11 token 'keyloom': wrong KEYLOOM_PKCS11_PIN?");
    assertThat(refused(hsm, "keyloom", "root", null).output())
        .isEqualTo("keyloom: KEYLOOM_PKCS11_PIN must hold the PIN of the PKCS#11 token keyloom");
    assertThat(refused(hsm, "keyloom", "loose", PIN).output())
        .isEqualTo(
            "keyloom: the PKCS#11 key 'loose' is extractable: a root key must be sensitive and"
                + " non-extractable");
    assertThat(refused(hsm, "nosuch", "root", PIN).output())
        .startsWith("keyloom: no PKCS#11 token labelled 'nosuch' in ");
    assertThat(refused(hsm, "keyloom", "nosuch", PIN).output())
        .isEqualTo("keyloom: no AES key labelled 'nosuch' on the PKCS#11 token 'keyloom'");
    assertThat(sha256(data.resolve("keyloom.db"))).isEqualTo(before);

    try (KeyloomProcess server = serve(hsm, "second.log")) {
      assertThat(Keys.decrypt(alice(server), keyId, null, cipher).getPlainText())
          .isEqualTo("sealed in the HSM");
      assertThat(server.log()).doesNotContain(PIN);
    }
  }

  private static void assertEveryBlobNames(Path data, String rootKeyId) throws Exception {
    try (Database db = Database.openSqlite(data.resolve("keyloom.db"));
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT wrapped_material FROM cmk_versions UNION ALL SELECT wrapped_secret FROM access_keys")) {
      int blobs = 0;
      while (rs.next()) {
        blobs++;
        assertThat(KeyWrapper.rootKeyId(Base64.getDecoder().decode(rs.getString(1))))
            .contains(rootKeyId);
      }
      assertThat(blobs).isGreaterThanOrEqualTo(3); // the key, alice's and bob's access keys
      byte[] canary =
          Base64.getDecoder()
              .decode(new SettingsRepository(db).get("root_key_canary").orElseThrow());
      assertThat(KeyWrapper.rootKeyId(canary)).contains(rootKeyId);
      for (String purpose :
          List.of("x-auth-token", "security-token", "import-token", "seed-check")) {
        for (ServiceKeyStore.Row row : new ServiceKeyStore(db).list(purpose)) {
          assertThat(KeyWrapper.rootKeyId(Base64.getDecoder().decode(row.wrapped())))
              .as(purpose)
              .contains(rootKeyId);
        }
      }
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
