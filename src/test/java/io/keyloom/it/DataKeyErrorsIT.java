package io.keyloom.it;

import static io.keyloom.it.DataKeys.body;
import static io.keyloom.it.DataKeys.concat;
import static io.keyloom.it.DataKeys.hex;
import static io.keyloom.it.DataKeys.sha256;
import static io.keyloom.it.DataKeys.sm3;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data-key requests Keyloom refuses, each with the status and Huawei code of huawei-kms-api.md §4,
 * through the official SDK (which sends whatever string it is given) and plain HTTP for fields the
 * SDK always fills.
 */
class DataKeyErrorsIT extends ServerIT {
  static KmsClient alice;
  static String aes;
  static String sm4;
  static String wrapped64;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aes = Keys.create(alice, "AES_256", null);
    sm4 = Keys.create(alice, "SM4", null);
    wrapped64 = DataKeys.createWithoutPlaintext(alice, body(aes, null, "512", null));
  }

  static void assertCreateFails(String spec, String length, String code) {
    assertKmsError(
        () -> DataKeys.create(alice, body(aes, spec, length, null)), 400, code, spec + length);
    assertKmsError(
        () -> DataKeys.createWithoutPlaintext(alice, body(aes, spec, length, null)),
        400,
        code,
        "without plaintext " + spec + length);
  }

  @ParameterizedTest(name = "datakey_length \"{0}\"")
  @ValueSource(strings = {"0", "4", "8200", "16384", "-8", "abc", "2.5e2", " 256"})
  void datakeyLength_outOfRangeOrNotANumber_isKms1901(String length) {
    assertCreateFails(null, length, "KMS.1901");
  }

  @ParameterizedTest(name = "datakey_length \"{0}\"")
  @ValueSource(strings = {"12", "9", "8191"})
  void datakeyLength_notAMultipleOf8_isKms1903(String length) {
    assertCreateFails(null, length, "KMS.1903");
  }

  @ParameterizedTest(name = "key_spec \"{0}\"")
  @ValueSource(strings = {"AES_512", "aes_256", "RSA_2048", "SM4_128"})
  void keySpec_unknown_isKms1902(String spec) {
    assertCreateFails(spec, null, "KMS.1902");
  }

  @Test
  void asymmetricCmk_cannotWrapDataKeys_isKms0325() {
    String rsa = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    String ec = Keys.create(alice, "EC_P256", null);
    for (String key : new String[] {rsa, ec}) {
      assertKmsError(() -> DataKeys.create(alice, body(key, null, null, null)), 400, "KMS.0325");
      byte[] dek = new byte[32];
      String plain = hex(concat(dek, sha256(dek)));
      assertKmsError(() -> DataKeys.encrypt(alice, key, plain, "32", null), 400, "KMS.0325");
    }
  }

  @Test
  void disabledCmk_isKms0209_forEveryDataKeyOperation() {
    String key = Keys.create(alice, "AES_256", null);
    String ct = DataKeys.createWithoutPlaintext(alice, body(key, null, null, null));
    Keys.disable(alice, key);
    byte[] dek = new byte[32];
    assertKmsError(() -> DataKeys.create(alice, body(key, null, null, null)), 400, "KMS.0209");
    assertKmsError(
        () -> DataKeys.createWithoutPlaintext(alice, body(key, null, null, null)), 400, "KMS.0209");
    assertKmsError(
        () -> DataKeys.encrypt(alice, key, hex(concat(dek, sha256(dek))), "32", null),
        400,
        "KMS.0209");
    assertKmsError(() -> DataKeys.decrypt(alice, key, ct, "32", null), 400, "KMS.0209");
  }

  @Test
  void keyId_malformedOrUnknown_isKms0205Or0207() {
    assertKmsError(
        () -> DataKeys.create(alice, body("not-a-key", null, null, null)), 400, "KMS.0205");
    assertKmsError(
        () -> DataKeys.create(alice, body(aes.toUpperCase(), null, null, null)), 400, "KMS.0205");
    String unknown = UUID.randomUUID().toString();
    assertKmsError(() -> DataKeys.create(alice, body(unknown, null, null, null)), 404, "KMS.0207");
    byte[] dek = new byte[32];
    assertKmsError(
        () -> DataKeys.encrypt(alice, unknown, hex(concat(dek, sha256(dek))), "32", null),
        404,
        "KMS.0207");
  }

  @Test
  void additionalAuthenticatedDataOver128Bytes_isKms0308() {
    assertKmsError(
        () -> DataKeys.create(alice, body(aes, null, null, "a".repeat(129))), 400, "KMS.0308");
    assertThat(DataKeys.create(alice, body(aes, null, null, "a".repeat(128))).getCipherText())
        .isNotEmpty();
  }

  @Test
  void invalidSequence_isKms0206() {
    Http.Response r =
        call("create-datakey", "{\"key_id\":\"" + aes + "\",\"sequence\":\"too-short\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0206");
  }

  @ParameterizedTest(name = "plain_text \"{0}\"")
  @ValueSource(strings = {"zz", "abc", "0x00", "ge"})
  void encryptDatakey_withNonHexPlainText_isKms2101(String plain) {
    assertKmsError(() -> DataKeys.encrypt(alice, aes, plain, "1", null), 400, "KMS.2101");
  }

  @ParameterizedTest(name = "datakey_plain_length \"{0}\"")
  @ValueSource(strings = {"0", "1025", "-1", "abc", "64.0"})
  void encryptDatakey_withPlainLengthOutOf1To1024_isKms2102(String length) {
    byte[] dek = new byte[64];
    String plain = hex(concat(dek, sha256(dek)));
    assertKmsError(() -> DataKeys.encrypt(alice, aes, plain, length, null), 400, "KMS.2102");
  }

  @Test
  void encryptDatakey_withWrongDigest_isKms2103() {
    byte[] dek = ClientCrypto.randomBytes(32);
    byte[] digest = sha256(dek);
    digest[31] ^= 1;
    assertKmsError(
        () -> DataKeys.encrypt(alice, aes, hex(concat(dek, digest)), "32", null), 400, "KMS.2103");
    // An SM4 CMK expects SM3, an AES CMK SHA-256: the other hash is a mismatch.
    assertKmsError(
        () -> DataKeys.encrypt(alice, sm4, hex(concat(dek, sha256(dek))), "32", null),
        400,
        "KMS.2103");
    assertKmsError(
        () -> DataKeys.encrypt(alice, aes, hex(concat(dek, sm3(dek))), "32", null),
        400,
        "KMS.2103");
  }

  @Test
  void encryptDatakey_withPlainTextNotLengthPlusDigest_isKms2104() {
    byte[] dek = new byte[32];
    String plain = hex(concat(dek, sha256(dek)));
    assertKmsError(() -> DataKeys.encrypt(alice, aes, plain, "31", null), 400, "KMS.2104");
    assertKmsError(() -> DataKeys.encrypt(alice, aes, plain, "64", null), 400, "KMS.2104");
    assertKmsError(() -> DataKeys.encrypt(alice, aes, hex(dek), "32", null), 400, "KMS.2104");
  }

  @ParameterizedTest(name = "cipher_text {0}")
  @ValueSource(strings = {"not hex", "0200", "02009800", "abc"})
  void decryptDatakey_withMalformedCipherText_isKms2201(String cipherText) {
    assertKmsError(() -> DataKeys.decrypt(alice, aes, cipherText, "64", null), 400, "KMS.2201");
  }

  @Test
  void decryptDatakey_withOversizedCipherText_isKms2201() {
    String huge = wrapped64 + "00".repeat(2000);
    assertKmsError(() -> DataKeys.decrypt(alice, aes, huge, "64", null), 400, "KMS.2201");
  }

  @ParameterizedTest(name = "datakey_cipher_length \"{0}\"")
  @ValueSource(strings = {"0", "1025", "abc", "-64"})
  void decryptDatakey_withCipherLengthOutOf1To1024_isKms2202(String length) {
    assertKmsError(() -> DataKeys.decrypt(alice, aes, wrapped64, length, null), 400, "KMS.2202");
  }

  /**
   * Huawei's Encryption SDK for Java sends {@code datakey_cipher_length "32"} for every algorithm;
   * for its 128-bit ones (AES_128_GCM, SM4_128_GCM, SM4_128_CBC) the data key has 16 bytes. The
   * authenticated length inside the ciphertext decides; the answer names the real length.
   */
  @ParameterizedTest(name = "datakey_cipher_length \"{0}\"")
  @ValueSource(strings = {"32", "16", "1", "1024"})
  void decryptDatakey_ofA16ByteKey_trustsTheCiphertextNotTheDeclaredLength(String declared) {
    var created = DataKeys.create(alice, body(aes, null, "128", null));
    var opened = DataKeys.decrypt(alice, aes, created.getCipherText(), declared, null);
    assertThat(opened.getDataKey()).isEqualToIgnoringCase(created.getPlainText());
    assertThat(opened.getDatakeyLength()).isEqualTo("16");
    assertThat(DataKeys.decrypt(alice, aes, wrapped64, declared, null).getDatakeyLength())
        .isEqualTo("64");
  }

  @Test
  void missingRequiredFields_areKms0204() {
    String[][] cases = {
      {"create-datakey", "{}"},
      {"create-datakey-without-plaintext", "{\"datakey_length\":\"256\"}"},
      {"encrypt-datakey", "{\"key_id\":\"" + aes + "\",\"datakey_plain_length\":\"32\"}"},
      {"encrypt-datakey", "{\"key_id\":\"" + aes + "\",\"plain_text\":\"00\"}"},
      {"decrypt-datakey", "{\"key_id\":\"" + aes + "\",\"datakey_cipher_length\":\"64\"}"},
      {"decrypt-datakey", "{\"key_id\":\"" + aes + "\",\"cipher_text\":\"" + wrapped64 + "\"}"},
      {
        "decrypt-datakey",
        "{\"cipher_text\":\"" + wrapped64 + "\",\"datakey_cipher_length\":\"64\"}"
      }
    };
    for (String[] c : cases) {
      Http.Response r = call(c[0], c[1]);
      assertThat(r.status()).as(c[0] + " " + c[1] + " -> " + r.text()).isEqualTo(400);
      assertThat(r.errorCode()).as(c[0] + " " + c[1]).isEqualTo("KMS.0204");
    }
  }
}
