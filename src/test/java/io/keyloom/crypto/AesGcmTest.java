package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AesGcmTest {
  private static final byte[] AAD = "aad".getBytes(StandardCharsets.UTF_8);

  private final AesGcm aead = newAead();

  private static AesGcm newAead() {
    try {
      return AesGcm.create(SecretBytes.random(32, new SecureRandom()));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void encrypt_thenDecrypt_roundTrips() throws Exception {
    byte[] pt = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] ct = aead.encrypt(pt, AAD);
    assertThat(ct).hasSize(12 + pt.length + 16);
    assertThat(aead.decrypt(ct, AAD)).isEqualTo(pt);
  }

  @Test
  void encrypt_twice_givesDifferentCiphertexts() throws Exception {
    assertThat(aead.encrypt(new byte[8], AAD)).isNotEqualTo(aead.encrypt(new byte[8], AAD));
  }

  @Test
  void decrypt_withNullAndEmptyAssociatedData_isEquivalent() throws Exception {
    assertThat(aead.decrypt(aead.encrypt(new byte[3], null), new byte[0])).hasSize(3);
  }

  @Test
  void decrypt_withTamperedByte_failsAtEveryPosition() throws Exception {
    byte[] ct = aead.encrypt(new byte[5], AAD);
    for (int i = 0; i < ct.length; i++) {
      byte[] bad = ct.clone();
      bad[i] ^= 0x01;
      assertThatThrownBy(() -> aead.decrypt(bad, AAD)).isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void decrypt_withWrongAssociatedData_fails() throws Exception {
    byte[] ct = aead.encrypt(new byte[5], AAD);
    assertThatThrownBy(() -> aead.decrypt(ct, "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void decrypt_withTruncatedCiphertext_fails() {
    assertThatThrownBy(() -> aead.decrypt(new byte[27], AAD))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void create_withWrongKeySize_fails() {
    assertThatThrownBy(() -> AesGcm.create(SecretBytes.copyOf(new byte[24])))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void wycheproofVectors_96BitNonce128BitTag_allPass() throws Exception {
    JsonNode root = WycheproofVectors.load("aes_gcm_test.json");
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (JsonNode group : root.get("testGroups")) {
      boolean supported =
          group.get("ivSize").asInt() == 96
              && group.get("tagSize").asInt() == 128
              && (group.get("keySize").asInt() == 128 || group.get("keySize").asInt() == 256);
      if (!supported) {
        continue;
      }
      for (JsonNode test : group.get("tests")) {
        run++;
        String failure = checkVector(test);
        if (failure != null) {
          failures.add(WycheproofVectors.id(test) + ": " + failure);
        }
      }
    }
    assertThat(run).isGreaterThan(100);
    assertThat(failures).isEmpty();
  }

  private static String checkVector(JsonNode test) throws GeneralSecurityException {
    AesGcm gcm = AesGcm.create(SecretBytes.copyOf(WycheproofVectors.hex(test, "key")));
    byte[] iv = WycheproofVectors.hex(test, "iv");
    byte[] aad = WycheproofVectors.hex(test, "aad");
    byte[] msg = WycheproofVectors.hex(test, "msg");
    byte[] full = concat(iv, WycheproofVectors.hex(test, "ct"), WycheproofVectors.hex(test, "tag"));
    boolean valid = WycheproofVectors.isValid(test);
    if (valid && !Arrays.equals(gcm.encrypt(iv, msg, aad), full)) {
      return "encrypt mismatch";
    }
    try {
      byte[] pt = gcm.decrypt(full, aad);
      return valid && Arrays.equals(pt, msg) ? null : "decrypt accepted or wrong";
    } catch (GeneralSecurityException e) {
      return valid ? "valid vector rejected" : null;
    }
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
