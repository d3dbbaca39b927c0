package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data key pair requests Keyloom refuses, with the status and Huawei code of each. */
class DataKeyPairErrorsIT extends ServerIT {
  static KmsClient alice;
  static String aes;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aes = Keys.create(alice, "AES_256", null);
  }

  @ParameterizedTest(name = "RSA operation, key_spec {0}")
  @ValueSource(strings = {"ECC_NIST_P256", "SM2", "RSA_1024", "RSA_8192", "rsa_2048", "AES_256"})
  void rsaPair_withSpecItDoesNotServe_isKms0308(String spec) {
    assertKmsError(() -> KeyPairs.rsa(alice, aes, spec, null, null), 400, "KMS.0308");
  }

  @ParameterizedTest(name = "EC operation, key_spec {0}")
  @ValueSource(strings = {"RSA_2048", "EC_P256", "ECC_NIST_P224", "sm2", "ED25519"})
  void ecPair_withSpecItDoesNotServe_isKms0308(String spec) {
    assertKmsError(() -> KeyPairs.ec(alice, aes, spec, null, null), 400, "KMS.0308");
  }

  @Test
  void missingKeySpecOrKeyId_isKms0204() {
    assertKmsError(() -> KeyPairs.rsa(alice, aes, null, null, null), 400, "KMS.0204");
    assertKmsError(() -> KeyPairs.ec(alice, aes, null, null, null), 400, "KMS.0204");
    assertKmsError(() -> KeyPairs.ec(alice, null, "SM2", null, null), 400, "KMS.0204");
  }

  @Test
  void asymmetricCmk_cannotWrapAPair_isKms0325() {
    String rsa = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    String sm2 = Keys.create(alice, "SM2", null);
    assertKmsError(() -> KeyPairs.rsa(alice, rsa, "RSA_2048", null, null), 400, "KMS.0325");
    assertKmsError(() -> KeyPairs.ec(alice, sm2, "SM2", null, null), 400, "KMS.0325");
  }

  @Test
  void disabledCmk_isKms0209() {
    String key = Keys.create(alice, "SM4", null);
    Keys.disable(alice, key);
    assertKmsError(() -> KeyPairs.ec(alice, key, "ECC_NIST_P256", null, null), 400, "KMS.0209");
    assertKmsError(() -> KeyPairs.rsa(alice, key, "RSA_2048", null, null), 400, "KMS.0209");
  }

  @Test
  void keyId_malformedUnknownOrAnotherTenants_isKms0205Or0207() {
    assertKmsError(() -> KeyPairs.ec(alice, "nope", "SM2", null, null), 400, "KMS.0205");
    String unknown = UUID.randomUUID().toString();
    assertKmsError(() -> KeyPairs.ec(alice, unknown, "SM2", null, null), 404, "KMS.0207");
    assertKmsError(() -> KeyPairs.ec(Sdk.bob(server), aes, "SM2", null, null), 404, "KMS.0207");
  }

  @Test
  void additionalAuthenticatedDataOver128Bytes_isKms0308() {
    String aad = "x".repeat(129);
    assertKmsError(() -> KeyPairs.ec(alice, aes, "SM2", null, aad), 400, "KMS.0308");
  }

  @Test
  void withPlainTextThatIsNotABoolean_isKms0202() {
    Http.Response r =
        call(
            "create-rsa-datakey-pair",
            """
            {"key_id":"%s","key_spec":"RSA_2048","with_plain_text":"maybe"}"""
                .formatted(aes));
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0202");
  }
}
