package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.DataKeys.body;
import static io.keyloom.it.DataKeys.concat;
import static io.keyloom.it.DataKeys.hex;
import static io.keyloom.it.DataKeys.sha256;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ValidateSignatureRequest;
import com.huaweicloud.sdk.kms.v2.model.VerifyRequestBody;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An HMAC key only generates and verifies MACs: every other crypto operation refuses it with 400
 * KMS.0341 (a symmetric ciphertext naming one: 400 KMS.0308, as every bad ciphertext), through the
 * SDK and plain HTTP, never a 500 (docs/hmac-keys.md).
 */
class HmacRefusalsIT extends ServerIT {
  static final String HMAC = "KMS.0341";
  static KmsClient alice;
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    for (String spec : Macs.ALGORITHM.keySet()) {
      KEYS.put(spec, Keys.create(alice, spec, null));
    }
  }

  /** A genuine AES envelope whose key id field names {@code keyId} instead (72 bytes from end). */
  static byte[] envelopeNaming(byte[] envelope, String keyId) {
    byte[] forged = envelope.clone();
    byte[] id = keyId.getBytes(US_ASCII);
    System.arraycopy(id, 0, forged, forged.length - 72, id.length);
    return forged;
  }

  @Test
  void dataOperations_throughTheSdk_refuseHmacKeys() {
    for (String key : KEYS.values()) {
      assertKmsError(
          () ->
              alice.encryptData(
                  new EncryptDataRequest()
                      .withBody(new EncryptDataRequestBody().withKeyId(key).withPlainText("p"))),
          400,
          HMAC,
          "encrypt-data");
      assertKmsError(
          () ->
              alice.decryptData(
                  new DecryptDataRequest()
                      .withBody(
                          new DecryptDataRequestBody()
                              .withKeyId(key)
                              .withEncryptionAlgorithm(
                                  DecryptDataRequestBody.EncryptionAlgorithmEnum.RSAES_OAEP_SHA_256)
                              .withCipherText(b64(new byte[256])))),
          400,
          HMAC,
          "decrypt-data asymmetric");
    }
  }

  @Test
  void symmetricCiphertext_namingAnHmacKey_isKms0308() {
    String aes = Keys.create(alice, "AES_256", null);
    String cipher =
        alice
            .encryptData(
                new EncryptDataRequest()
                    .withBody(new EncryptDataRequestBody().withKeyId(aes).withPlainText("p")))
            .getCipherText();
    for (String key : KEYS.values()) {
      String forged = b64(envelopeNaming(Base64.getDecoder().decode(cipher), key));
      assertKmsError(
          () ->
              alice.decryptData(
                  new DecryptDataRequest()
                      .withBody(new DecryptDataRequestBody().withCipherText(forged))),
          400,
          "KMS.0308");
    }
  }

  @Test
  void signatureOperations_throughTheSdk_refuseHmacKeys() {
    for (String key : KEYS.values()) {
      assertKmsError(
          () -> Keys.sign(alice, key, "RSASSA_PSS_SHA_256", "DIGEST", new byte[32]),
          400,
          HMAC,
          "sign");
      assertKmsError(
          () ->
              alice.validateSignature(
                  new ValidateSignatureRequest()
                      .withBody(
                          new VerifyRequestBody()
                              .withKeyId(key)
                              .withSigningAlgorithm(
                                  VerifyRequestBody.SigningAlgorithmEnum.ECDSA_SHA_256)
                              .withMessage(b64(new byte[32]))
                              .withSignature(b64(new byte[64])))),
          400,
          HMAC,
          "verify");
      assertKmsError(() -> Keys.publicKeyPem(alice, key), 400, HMAC, "get-publickey");
    }
  }

  @Test
  void dataKeyOperations_throughTheSdk_refuseHmacKeys() {
    String aes = Keys.create(alice, "AES_256", null);
    byte[] dek = new byte[32];
    String plain = hex(concat(dek, sha256(dek)));
    byte[] wrapped =
        DataKeys.unhex(DataKeys.createWithoutPlaintext(alice, body(aes, null, null, null)));
    for (String key : KEYS.values()) {
      assertKmsError(() -> DataKeys.create(alice, body(key, null, null, null)), 400, HMAC);
      assertKmsError(
          () -> DataKeys.createWithoutPlaintext(alice, body(key, null, null, null)), 400, HMAC);
      assertKmsError(() -> DataKeys.encrypt(alice, key, plain, "32", null), 400, HMAC);
      String forged = hex(envelopeNaming(wrapped, key));
      assertKmsError(() -> DataKeys.decrypt(alice, key, forged, "32", null), 400, HMAC);
      assertKmsError(() -> KeyPairs.rsa(alice, key, "RSA_2048", null, null), 400, HMAC);
      assertKmsError(() -> KeyPairs.ec(alice, key, "ECC_NIST_P256", null, null), 400, HMAC);
    }
  }

  @Test
  void everyOtherCryptoOperation_overPlainHttp_refusesAnHmacKey() {
    String key = KEYS.get("HMAC_SM3");
    for (Map.Entry<String, String> e : plainHttpBodies().entrySet()) {
      Http.Response r = call(e.getKey(), e.getValue().formatted(key));
      assertThat(r.status()).as(e.getKey() + " " + r.text()).isEqualTo(400);
      assertThat(r.errorCode()).as(e.getKey() + " " + r.text()).isEqualTo(HMAC);
    }
  }

  /** A well-formed body for each operation, with {@code %s} for the key id. */
  static Map<String, String> plainHttpBodies() {
    String dek = hex(concat(new byte[32], sha256(new byte[32])));
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("encrypt-data", "{\"key_id\":\"%s\",\"plain_text\":\"p\"}");
    bodies.put(
        "decrypt-data",
        "{\"key_id\":\"%s\",\"encryption_algorithm\":\"SM2_ENCRYPT\",\"cipher_text\":\""
            + b64(new byte[128])
            + "\"}");
    bodies.put(
        "sign",
        "{\"key_id\":\"%s\",\"signing_algorithm\":\"SM2DSA_SM3\",\"message\":\""
            + b64(new byte[32])
            + "\"}");
    bodies.put(
        "verify",
        "{\"key_id\":\"%s\",\"signing_algorithm\":\"SM2DSA_SM3\",\"message\":\""
            + b64(new byte[32])
            + "\",\"signature\":\"MAA=\"}");
    bodies.put("get-publickey", "{\"key_id\":\"%s\"}");
    bodies.put("create-datakey", "{\"key_id\":\"%s\"}");
    bodies.put("create-datakey-without-plaintext", "{\"key_id\":\"%s\"}");
    bodies.put(
        "encrypt-datakey",
        "{\"key_id\":\"%s\",\"plain_text\":\"" + dek + "\",\"datakey_plain_length\":\"32\"}");
    bodies.put("create-rsa-datakey-pair", "{\"key_id\":\"%s\",\"key_spec\":\"RSA_2048\"}");
    bodies.put("create-ec-datakey-pair", "{\"key_id\":\"%s\",\"key_spec\":\"SM2\"}");
    return bodies;
  }
}
