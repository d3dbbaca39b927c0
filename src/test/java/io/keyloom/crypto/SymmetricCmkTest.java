package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SymmetricCmkTest {
  static final String KEY_ID = "e966a300-0c34-4a31-86e1-e67d13e6426a";
  private static final byte[] AAD = "context".getBytes(StandardCharsets.UTF_8);
  private static final Pattern HUAWEI_REGEX = Pattern.compile("^[0-9a-zA-Z+/=]{188,5648}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  static SymmetricCmk newCmk(KeySpec spec) throws GeneralSecurityException {
    return SymmetricCmk.create(spec, KeyMaterials.generate(spec, RANDOM));
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void encrypt_thenDecrypt_roundTrips(KeySpec spec) throws Exception {
    SymmetricCmk cmk = newCmk(spec);
    byte[] pt = "hello world".getBytes(StandardCharsets.UTF_8);
    byte[] ct = cmk.encrypt(KEY_ID, 7, pt, AAD);
    CiphertextBlob blob = CiphertextBlob.parse(ct);
    assertThat(blob.keyId()).isEqualTo(KEY_ID);
    assertThat(blob.keyVersion()).isEqualTo(7);
    assertThat(ct).hasSize(pt.length + 140);
    assertThat(cmk.decrypt(blob, AAD)).isEqualTo(pt);
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void encrypt_followsHuaweiFraming(KeySpec spec) throws Exception {
    byte[] ct = newCmk(spec).encrypt(KEY_ID, 1, new byte[3], null);
    assertThat(ct[0]).isEqualTo((byte) 2);
    assertThat(ct[1]).isEqualTo((byte) 0);
    int l = (ct[2] & 0xff) | (ct[3] & 0xff) << 8;
    assertThat(ct.length).isEqualTo(l + 36);
    String embeddedId = new String(ct, l - 40 + 4, 36, StandardCharsets.US_ASCII);
    assertThat(embeddedId).isEqualTo(KEY_ID);
    assertThat(new byte[] {ct[l], ct[l + 1], ct[l + 2], ct[l + 3]}).containsExactly(0, 0, 0, 1);
    assertThat(ct[4]).isEqualTo((byte) (spec == KeySpec.AES_256 ? 1 : 2));
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void base64Length_staysInsideHuaweiRegex_forEveryPlaintextLength(KeySpec spec) throws Exception {
    SymmetricCmk cmk = newCmk(spec);
    List<Integer> outside = new ArrayList<>();
    for (int n = 1; n <= 4096; n++) {
      String b64 = Base64.getEncoder().encodeToString(cmk.encrypt(KEY_ID, 1, new byte[n], null));
      if (!HUAWEI_REGEX.matcher(b64).matches()) {
        outside.add(n);
      }
    }
    assertThat(outside).isEmpty();
    assertThat(b64Length(cmk, 1)).isEqualTo(188);
    assertThat(b64Length(cmk, 4096)).isEqualTo(5648);
  }

  private static int b64Length(SymmetricCmk cmk, int n) throws GeneralSecurityException {
    return Base64.getEncoder().encodeToString(cmk.encrypt(KEY_ID, 1, new byte[n], null)).length();
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void decrypt_withAnyFlippedBit_failsAtEveryPosition(KeySpec spec) throws Exception {
    SymmetricCmk cmk = newCmk(spec);
    byte[] ct = cmk.encrypt(KEY_ID, 3, "secret".getBytes(StandardCharsets.UTF_8), AAD);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < ct.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] bad = ct.clone();
        bad[i] ^= (byte) bit;
        try {
          cmk.decrypt(CiphertextBlob.parse(bad), AAD);
          accepted.add(i + "/" + bit);
        } catch (GeneralSecurityException expected) {
          // every position must be rejected, either by parse or by decrypt
        }
      }
    }
    assertThat(accepted).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void decrypt_withWrongAssociatedData_fails(KeySpec spec) throws Exception {
    SymmetricCmk cmk = newCmk(spec);
    CiphertextBlob blob = CiphertextBlob.parse(cmk.encrypt(KEY_ID, 1, new byte[4], AAD));
    assertThatThrownBy(() -> cmk.decrypt(blob, null)).isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> cmk.decrypt(blob, "contexT".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void decrypt_withNullAndEmptyAssociatedData_isEquivalent(KeySpec spec) throws Exception {
    SymmetricCmk cmk = newCmk(spec);
    CiphertextBlob blob = CiphertextBlob.parse(cmk.encrypt(KEY_ID, 1, new byte[4], null));
    assertThat(cmk.decrypt(blob, new byte[0])).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(names = {"AES_256", "SM4"})
  void decrypt_withWrongKey_fails(KeySpec spec) throws Exception {
    CiphertextBlob blob = CiphertextBlob.parse(newCmk(spec).encrypt(KEY_ID, 1, new byte[4], AAD));
    SymmetricCmk other = newCmk(spec);
    assertThatThrownBy(() -> other.decrypt(blob, AAD)).isInstanceOf(GeneralSecurityException.class);
  }

  @org.junit.jupiter.api.Test
  void decrypt_withOtherSuite_fails() throws Exception {
    CiphertextBlob blob =
        CiphertextBlob.parse(newCmk(KeySpec.AES_256).encrypt(KEY_ID, 1, new byte[4], AAD));
    SymmetricCmk sm4 = newCmk(KeySpec.SM4);
    assertThatThrownBy(() -> sm4.decrypt(blob, AAD)).isInstanceOf(GeneralSecurityException.class);
  }

  @org.junit.jupiter.api.Test
  void create_withWrongSpecOrSize_fails() {
    assertThatThrownBy(
            () -> SymmetricCmk.create(KeySpec.RSA_2048, SecretBytes.copyOf(new byte[32])))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> SymmetricCmk.create(KeySpec.SM4, SecretBytes.copyOf(new byte[32])))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> SymmetricCmk.create(KeySpec.AES_256, SecretBytes.copyOf(new byte[16])))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @org.junit.jupiter.api.Test
  void encrypt_withInvalidInput_fails() throws Exception {
    SymmetricCmk cmk = newCmk(KeySpec.AES_256);
    assertThatThrownBy(() -> cmk.encrypt(KEY_ID, 1, new byte[0], null))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> cmk.encrypt("E966A300-0C34-4A31-86E1-E67D13E6426A", 1, new byte[1], null))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> cmk.encrypt(KEY_ID, -1, new byte[1], null))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(cmk.encrypt(KEY_ID, 0, new byte[SymmetricCmk.MAX_PLAINTEXT], null))
        .hasSize(0xFFFF + 36);
  }
}
