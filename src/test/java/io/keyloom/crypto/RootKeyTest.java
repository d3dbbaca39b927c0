package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootKeyTest {
  @TempDir Path dir;

  @Test
  void loadOrCreate_createsA32ByteOwnerOnlyFile() throws Exception {
    Path file = dir.resolve("root.key");
    RootKey.loadOrCreate(file);
    assertThat(Files.size(file)).isEqualTo(32);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void loadOrCreate_twice_loadsTheSameKey() throws Exception {
    Path file = dir.resolve("root.key");
    byte[] canary = RootKey.loadOrCreate(file).newCanary();
    assertThat(RootKey.loadOrCreate(file).checkCanary(canary)).isTrue();
  }

  @Test
  void loadOrCreate_withWrongSizeFile_fails() throws Exception {
    Path file = dir.resolve("root.key");
    Files.write(file, new byte[31]);
    assertThatThrownBy(() -> RootKey.loadOrCreate(file)).isInstanceOf(IOException.class);
    Files.write(file, new byte[33]);
    assertThatThrownBy(() -> RootKey.loadOrCreate(file)).isInstanceOf(IOException.class);
  }

  @Test
  void checkCanary_withOtherRootKey_isFalse() throws Exception {
    byte[] canary = RootKey.loadOrCreate(dir.resolve("a.key")).newCanary();
    assertThat(RootKey.loadOrCreate(dir.resolve("b.key")).checkCanary(canary)).isFalse();
    assertThat(RootKey.loadOrCreate(dir.resolve("a.key")).checkCanary(new byte[3])).isFalse();
  }

  @Test
  void deriveKey_isDeterministicAndSeparatedByPurpose() throws Exception {
    RootKey root = RootKey.loadOrCreate(dir.resolve("root.key"));
    SecretBytes a = root.deriveKey("token-signing", 32);
    assertThat(a.size()).isEqualTo(32);
    assertThat(a.equalsSecretBytes(root.deriveKey("token-signing", 32))).isTrue();
    assertThat(a.equalsSecretBytes(root.deriveKey("other", 32))).isFalse();
  }

  @Test
  void wrapper_roundTripsAndBindsAssociatedData() throws Exception {
    KeyWrapper wrapper = RootKey.loadOrCreate(dir.resolve("root.key")).wrapper();
    SecretBytes material = SecretBytes.copyOf(new byte[] {1, 2, 3, 4});
    byte[] ad = "key-id|1".getBytes(StandardCharsets.UTF_8);
    byte[] wrapped = wrapper.wrap(material, ad);
    assertThat(wrapper.unwrap(wrapped, ad).equalsSecretBytes(material)).isTrue();
    assertThatThrownBy(() -> wrapper.unwrap(wrapped, "key-id|2".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void unwrap_withAnyFlippedByte_fails() throws Exception {
    KeyWrapper wrapper = RootKey.loadOrCreate(dir.resolve("root.key")).wrapper();
    byte[] wrapped = wrapper.wrap(SecretBytes.copyOf(new byte[16]), null);
    for (int i = 0; i < wrapped.length; i++) {
      byte[] bad = wrapped.clone();
      bad[i] ^= (byte) 0x80;
      assertThatThrownBy(() -> wrapper.unwrap(bad, null))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void toString_isRedacted() throws Exception {
    assertThat(RootKey.loadOrCreate(dir.resolve("root.key")).toString()).contains("REDACTED");
  }
}
