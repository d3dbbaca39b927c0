package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** encrypt-data / decrypt-data with AES_256 and SM4 keys: format, bounds, binding, tampering. */
class SymmetricEncryptionIT extends ServerIT {
  static final String CIPHERTEXT_REGEX = "^[0-9a-zA-Z+/=]{188,5648}$";
  static String aes;
  static String sm4;

  @BeforeAll
  static void createKeys() {
    aes = createKey("sym-aes", "AES_256");
    sm4 = createKey("sym-sm4", "SM4");
  }

  static String createKey(String alias, String spec) {
    Http.Response r =
        call("create-key", "{\"key_alias\":\"" + alias + "\",\"key_spec\":\"" + spec + "\"}");
    assertThat(r.status()).isEqualTo(200);
    return r.json().path("key_info").path("key_id").asText();
  }

  static Http.Response call(String op, ObjectNode body) {
    return call(op, body.toString());
  }

  static ObjectNode encryptBody(String keyId, String plaintext) {
    return Http.JSON.createObjectNode().put("key_id", keyId).put("plain_text", plaintext);
  }

  static String encrypt(ObjectNode body) {
    Http.Response r = call("encrypt-data", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("cipher_text").asText();
  }

  static ObjectNode decryptBody(String ciphertext) {
    return Http.JSON.createObjectNode().put("cipher_text", ciphertext);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 15, 16, 17, 100, 1000, 4095, 4096})
  void everySize_roundTripsInsideTheDocumentedCiphertextRegex(int size) {
    for (String keyId : List.of(aes, sm4)) {
      String plaintext = "p".repeat(size);
      String ct = encrypt(encryptBody(keyId, plaintext));
      assertThat(ct).matches(CIPHERTEXT_REGEX);
      Http.Response r = call("decrypt-data", decryptBody(ct));
      assertThat(r.json().path("plain_text").asText()).isEqualTo(plaintext);
      assertThat(r.json().path("key_id").asText()).isEqualTo(keyId);
    }
  }

  @Test
  void ciphertext_embedsTheKeyIdInHuaweiFraming() {
    byte[] ct = Base64.getDecoder().decode(encrypt(encryptBody(aes, "hello")));
    assertThat(ct[0]).isEqualTo((byte) 2);
    assertThat(ct[1]).isEqualTo((byte) 0);
    int length = (ct[2] & 0xff) | (ct[3] & 0xff) << 8;
    assertThat(ct.length).isEqualTo(length + 36);
    assertThat(new String(ct, length - 36, 36, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(aes);
  }

  @Test
  void sameInput_givesDifferentCiphertexts() {
    assertThat(encrypt(encryptBody(aes, "same"))).isNotEqualTo(encrypt(encryptBody(aes, "same")));
  }

  @Test
  void plaintextOver4096Bytes_isRefused() {
    Http.Response r = call("encrypt-data", encryptBody(aes, "x".repeat(4097)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0308");
    Http.Response multiByte = call("encrypt-data", encryptBody(aes, "é".repeat(2049)));
    assertThat(multiByte.status()).isEqualTo(400);
    assertThat(call("encrypt-data", encryptBody(aes, "")).errorCode()).isEqualTo("KMS.0204");
  }

  @Test
  void everyFlippedByte_isRefusedWith4xxAndNeverDecrypts() {
    byte[] ct = Base64.getDecoder().decode(encrypt(encryptBody(aes, "tamper me")));
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < ct.length; i++) {
      byte[] copy = ct.clone();
      copy[i] ^= 0x01;
      Http.Response r = call("decrypt-data", decryptBody(Base64.getEncoder().encodeToString(copy)));
      if (r.status() != 400 && r.status() != 404) {
        failures.add("byte " + i + ": " + r.status() + " " + r.text());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void truncatedOrGarbageCiphertext_is400() {
    String ct = encrypt(encryptBody(aes, "short"));
    assertThat(call("decrypt-data", decryptBody(ct.substring(0, 188))).status()).isEqualTo(400);
    assertThat(call("decrypt-data", decryptBody("A".repeat(188))).status()).isEqualTo(400);
    assertThat(call("decrypt-data", decryptBody("not base64 at all!!")).errorCode())
        .isEqualTo("KMS.0308");
    assertThat(call("decrypt-data", decryptBody("QUJD")).errorCode()).isEqualTo("KMS.0308");
    assertThat(call("decrypt-data", "{}").errorCode()).isEqualTo("KMS.0204");
  }

  @Test
  void encryptionContext_isBoundAndOrderInsensitive() {
    ObjectNode body = encryptBody(aes, "ctx");
    body.putObject("encryption_context").put("a", "1").put("b", "2");
    String ct = encrypt(body);
    ObjectNode reordered = decryptBody(ct);
    reordered.putObject("encryption_context").put("b", "2").put("a", "1");
    assertThat(call("decrypt-data", reordered).json().path("plain_text").asText()).isEqualTo("ctx");
    ObjectNode changed = decryptBody(ct);
    changed.putObject("encryption_context").put("a", "1").put("b", "3");
    assertThat(call("decrypt-data", changed).status()).isEqualTo(400);
    assertThat(call("decrypt-data", decryptBody(ct)).status()).isEqualTo(400);
  }

  @Test
  void invalidEncryptionContext_isKms0208() {
    ObjectNode notObject = encryptBody(aes, "x").put("encryption_context", "a=b");
    assertThat(call("encrypt-data", notObject).errorCode()).isEqualTo("KMS.0208");
    ObjectNode nonString = encryptBody(aes, "x");
    nonString.putObject("encryption_context").put("n", 1);
    assertThat(call("encrypt-data", nonString).errorCode()).isEqualTo("KMS.0208");
    ObjectNode tooLong = encryptBody(aes, "x");
    tooLong.putObject("encryption_context").put("k", "v".repeat(8200));
    assertThat(call("encrypt-data", tooLong).errorCode()).isEqualTo("KMS.0208");
  }

  @Test
  void additionalAuthenticatedData_isBound() {
    String ct = encrypt(encryptBody(sm4, "aad").put("additional_authenticated_data", "tenant-1"));
    assertThat(
            call("decrypt-data", decryptBody(ct).put("additional_authenticated_data", "tenant-1"))
                .status())
        .isEqualTo(200);
    assertThat(
            call("decrypt-data", decryptBody(ct).put("additional_authenticated_data", "tenant-2"))
                .status())
        .isEqualTo(400);
    assertThat(call("decrypt-data", decryptBody(ct)).status()).isEqualTo(400);
    assertThat(
            call(
                    "encrypt-data",
                    encryptBody(aes, "x").put("additional_authenticated_data", "a".repeat(129)))
                .errorCode())
        .isEqualTo("KMS.0308");
  }

  @Test
  void contextAndAad_areNotInterchangeable() {
    ObjectNode withContext = encryptBody(aes, "mix");
    withContext.putObject("encryption_context").put("k", "v");
    String ct = encrypt(withContext);
    assertThat(
            call(
                    "decrypt-data",
                    decryptBody(ct).put("additional_authenticated_data", "{\"k\":\"v\"}"))
                .status())
        .isEqualTo(400);
  }

  @Test
  void disabledKey_cannotDecryptItsCiphertexts() {
    String keyId = createKey("sym-disable", "AES_256");
    String ct = encrypt(encryptBody(keyId, "gated"));
    assertThat(call("disable-key", "{\"key_id\":\"" + keyId + "\"}").status()).isEqualTo(200);
    assertThat(call("decrypt-data", decryptBody(ct)).errorCode()).isEqualTo("KMS.0209");
    assertThat(call("enable-key", "{\"key_id\":\"" + keyId + "\"}").status()).isEqualTo(200);
    assertThat(call("decrypt-data", decryptBody(ct)).status()).isEqualTo(200);
  }

  @Test
  void decryptWithMismatchingKeyId_isRefused() {
    String ct = encrypt(encryptBody(aes, "which key"));
    assertThat(call("decrypt-data", decryptBody(ct).put("key_id", sm4)).status()).isEqualTo(400);
    assertThat(call("decrypt-data", decryptBody(ct).put("key_id", aes)).status()).isEqualTo(200);
  }

  @Test
  void anotherTenant_cannotDecrypt() {
    String ct = encrypt(encryptBody(aes, "mine"));
    String bob =
        http.token(
            TestServer.OTHER_DOMAIN,
            TestServer.OTHER_USER,
            TestServer.OTHER_PASSWORD,
            TestServer.PROJECT);
    Http.Response r =
        http.kms(bob, TestServer.OTHER_PROJECT_ID, "decrypt-data", decryptBody(ct).toString());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("KMS.0207");
  }

  @Test
  void unknownAlgorithm_isKms0308() {
    assertThat(
            call("encrypt-data", encryptBody(aes, "x").put("encryption_algorithm", "ROT13"))
                .errorCode())
        .isEqualTo("KMS.0308");
  }
}
