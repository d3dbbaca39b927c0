package io.keyloom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.auth.SeedPasswords;
import io.keyloom.auth.TokenClaims;
import io.keyloom.auth.TokenCodec;
import io.keyloom.config.RootKeyConfig;
import io.keyloom.crypto.AesGcm;
import io.keyloom.crypto.MaterialCheck;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.it.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data dirs and their root keys (docs/root-of-trust.md): service keys are random, not derived; a
 * data dir from before the V8 migration keeps its check keys; token keys rotate and retire; a
 * shared root-key file opens a data dir only when it holds the same key.
 */
class RootOfTrustTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock(Instant.parse("2026-12-01T00:00:00Z"));

  DataDir open(RootKeyConfig config) throws Exception {
    return DataDir.open(dir.resolve("data"), true, config, Optional.empty(), clock);
  }

  @Test
  void aNewDataDir_getsRandomCheckKeys_notRootKeyDerivedOnes() throws Exception {
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      RootKey root = data.root().fileKey().orElseThrow();
      assertThat(data.serviceKeys().check(ServiceKeyManager.SEED_CHECK).toByteArray())
          .isNotEqualTo(root.deriveKey(SeedPasswords.KEY_PURPOSE, 32).toByteArray());
    }
  }

  @Test
  void aDataDirFromBeforeV8_keepsItsDerivedCheckKeys() throws Exception {
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      makeLegacy(data, Files.readAllBytes(dir.resolve("data/root.key")));
    }
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      RootKey root = data.root().fileKey().orElseThrow();
      assertThat(data.serviceKeys().check(ServiceKeyManager.SEED_CHECK).toByteArray())
          .isEqualTo(root.deriveKey(SeedPasswords.KEY_PURPOSE, 32).toByteArray());
      assertThat(data.serviceKeys().check(ServiceKeyManager.MATERIAL_CHECK).toByteArray())
          .isEqualTo(root.deriveKey(MaterialCheck.KEY_PURPOSE, 32).toByteArray());
    }
  }

  /** Rewrites the store as a pre-V8 version left it: a canary without id, no service keys. */
  private static void makeLegacy(DataDir data, byte[] key) throws Exception {
    RootKey root = data.root().fileKey().orElseThrow();
    byte[] ad = {0x01, 'c', 'a', 'n', 'a', 'r', 'y'};
    byte[] sealed =
        AesGcm.create(SecretBytes.copyOf(key))
            .encrypt("keyloom-root-key-canary-v1".getBytes(StandardCharsets.UTF_8), ad);
    byte[] canary = new byte[sealed.length + 1];
    canary[0] = 0x01;
    System.arraycopy(sealed, 0, canary, 1, sealed.length);
    assertThat(root.checkCanary(canary)).isTrue();
    try (Connection c = data.database().dataSource().getConnection();
        PreparedStatement up =
            c.prepareStatement("UPDATE settings SET value = ? WHERE name = 'root_key_canary'");
        PreparedStatement del = c.prepareStatement("DELETE FROM service_keys")) {
      up.setString(1, Base64.getEncoder().encodeToString(canary));
      assertThat(up.executeUpdate()).isEqualTo(1);
      del.executeUpdate();
    }
  }

  @Test
  void tokenKeys_rotateAfter30Days_andTheOldKeyVerifiesUntilRetired() throws Exception {
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      String oldKid = data.serviceKeys().signing("x-auth-token").current().kid();
      clock.advance(Duration.ofDays(29));
      assertThat(data.serviceKeys().maintain()).isZero();
      clock.advance(Duration.ofDays(1));
      String token =
          new TokenCodec(data.serviceKeys().signing("x-auth-token"), clock).issue(claims());
      assertThat(token).startsWith("KL2." + oldKid + ".");
      assertThat(data.serviceKeys().maintain()).isEqualTo(3); // three signing purposes
      TokenCodec after = new TokenCodec(data.serviceKeys().signing("x-auth-token"), clock);
      assertThat(after.issue(claims())).doesNotStartWith("KL2." + oldKid + ".");
      assertThat(after.verify(token).userId()).isEqualTo(USER);
      clock.advance(Duration.ofDays(2).minusSeconds(1));
      assertThat(data.serviceKeys().maintain()).isZero();
      clock.advance(Duration.ofSeconds(1));
      assertThat(data.serviceKeys().maintain()).isEqualTo(3); // the replaced keys retire
      assertThat(data.serviceKeys().signing("x-auth-token").find(oldKid)).isEmpty();
    }
  }

  private static final String USER = "0123456789abcdef0123456789abcdef";

  private TokenClaims claims() {
    Instant now = clock.instant();
    return new TokenClaims(USER, "d", null, now, now.plusSeconds(600));
  }

  @Test
  void adminRotation_makesNewCurrentKeys() throws Exception {
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      String old = data.serviceKeys().signing("security-token").current().kid();
      assertThat(data.serviceKeys().rotate()).hasSize(3);
      assertThat(data.serviceKeys().signing("security-token").current().kid()).isNotEqualTo(old);
    }
  }

  @Test
  void aSharedRootKeyFile_opensTheDataDirOnlyWhenItHoldsTheSameKey() throws Exception {
    try (DataDir data = open(RootKeyConfig.inDataDir())) {
      assertThat(data.root().provider().id()).startsWith("file:");
    }
    Path shared = dir.resolve("shared.key");
    Files.copy(dir.resolve("data/root.key"), shared);
    try (DataDir data = open(new RootKeyConfig(Optional.of(shared), Optional.empty()))) {
      assertThat(data.serviceKeys().signing("import-token").current()).isNotNull();
    }
    Path other = dir.resolve("other.key");
    assertThatThrownBy(() -> open(new RootKeyConfig(Optional.of(other), Optional.empty())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match this database")
        .hasMessageEndingWith("refusing to start");
    assertThat(other).exists(); // created 0600 on first use, as for a new cluster
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(other)))
        .isEqualTo("rw-------");
  }
}
