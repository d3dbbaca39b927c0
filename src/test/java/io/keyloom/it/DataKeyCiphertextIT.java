package io.keyloom.it;

import static io.keyloom.it.DataKeys.body;
import static io.keyloom.it.DataKeys.hex;
import static io.keyloom.it.DataKeys.unhex;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a data-key ciphertext is and what it is bound to: Huawei's outer framing in hex, the
 * caller's additional authenticated data, the CMK, its own operation family, and every byte
 * (tampering anywhere is KMS.2201, the same answer as any other failure to open).
 */
class DataKeyCiphertextIT extends ServerIT {
  static KmsClient alice;
  static String aes;
  static String sm4;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aes = Keys.create(alice, "AES_256", null);
    sm4 = Keys.create(alice, "SM4", null);
  }

  static void assertDoesNotOpen(String keyId, String cipherText, int length, String aad) {
    assertKmsError(
        () -> DataKeys.decrypt(alice, keyId, cipherText, Integer.toString(length), aad),
        400,
        "KMS.2201");
  }

  @ParameterizedTest(name = "{0}-byte DEK")
  @ValueSource(ints = {1, 32, 64, 1024})
  void ciphertext_isUpperCaseHexInHuaweiFramingWithTheKeyIdEmbedded(int length) {
    String ct =
        DataKeys.create(alice, body(aes, null, Integer.toString(length * 8), null)).getCipherText();
    assertThat(ct).matches("^[0-9A-F]+$").hasSize(2 * (length + 140));
    byte[] bytes = unhex(ct);
    assertThat(bytes[0]).isEqualTo((byte) 2);
    assertThat(bytes[1]).isEqualTo((byte) 0);
    int l = (bytes[2] & 0xff) | (bytes[3] & 0xff) << 8;
    assertThat(bytes.length).isEqualTo(l + 36);
    assertThat(new String(bytes, l - 36, 36, US_ASCII)).isEqualTo(aes);
  }

  @Test
  void additionalAuthenticatedData_mustBeRepeatedExactly() {
    String ct = DataKeys.create(alice, body(sm4, null, null, "order-4711")).getCipherText();

    assertThat(DataKeys.decrypt(alice, sm4, ct, "32", "order-4711").getDataKey()).hasSize(64);
    assertDoesNotOpen(sm4, ct, 32, null);
    assertDoesNotOpen(sm4, ct, 32, "order-4712");
    String plain = DataKeys.create(alice, body(sm4, null, null, null)).getCipherText();
    assertDoesNotOpen(sm4, plain, 32, "order-4711");
  }

  @Test
  void encryptDatakey_bindsAdditionalAuthenticatedDataToo() {
    byte[] dek = ClientCrypto.randomBytes(16);
    String ct =
        DataKeys.encrypt(
                alice, aes, hex(DataKeys.concat(dek, DataKeys.sha256(dek))), "16", "tenant=a")
            .getCipherText();
    assertThat(unhex(DataKeys.decrypt(alice, aes, ct, "16", "tenant=a").getDataKey()))
        .isEqualTo(dek);
    assertDoesNotOpen(aes, ct, 16, "tenant=b");
  }

  @Test
  void ciphertext_opensOnlyUnderTheKeyItNames() {
    String ct = DataKeys.create(alice, body(aes, null, null, null)).getCipherText();
    String otherAes = Keys.create(alice, "AES_256", null);
    assertDoesNotOpen(otherAes, ct, 32, null);
    assertDoesNotOpen(sm4, ct, 32, null);
    String renamed =
        ct.replace(
            hex(aes.getBytes(US_ASCII)).toUpperCase(),
            hex(otherAes.getBytes(US_ASCII)).toUpperCase());
    assertDoesNotOpen(otherAes, renamed, 32, null);
  }

  @Test
  void everyTamperedByte_isRefusedWithKms2201() {
    byte[] bytes = unhex(DataKeys.create(alice, body(aes, "AES_128", null, null)).getCipherText());
    // version, L, suite, reserved, salt, nonce, GCM body, tag, key id, key version, trailer
    int[] offsets = {0, 2, 4, 5, 8, 40, 52, 68, 84, bytes.length - 68, bytes.length - 33, 155};
    for (int offset : offsets) {
      byte[] tampered = bytes.clone();
      tampered[offset] ^= 0x01;
      assertDoesNotOpen(aes, hex(tampered), 16, null);
    }
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    assertDoesNotOpen(aes, hex(truncated), 16, null);
  }

  @Test
  void dataKeyAndEncryptDataCiphertexts_doNotCrossOver() {
    CreateDatakeyResponse created = DataKeys.create(alice, body(aes, null, null, null));
    String asBase64 = Base64.getEncoder().encodeToString(unhex(created.getCipherText()));
    Http.Response r = call("decrypt-data", "{\"cipher_text\":\"" + asBase64 + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0308");

    String text = ClientCrypto.b64(new byte[32]).substring(0, 32);
    String dataCt = Keys.encrypt(alice, aes, null, text).getCipherText();
    assertDoesNotOpen(aes, hex(Base64.getDecoder().decode(dataCt)), 32, null);
  }

  @Test
  void anotherTenantsKey_isNotFound() {
    String ct = DataKeys.create(alice, body(aes, null, null, null)).getCipherText();
    KmsClient bob = Sdk.bob(server);
    assertKmsError(() -> DataKeys.decrypt(bob, aes, ct, "32", null), 404, "KMS.0207");
    assertKmsError(() -> DataKeys.create(bob, body(aes, null, null, null)), 404, "KMS.0207");
  }
}
