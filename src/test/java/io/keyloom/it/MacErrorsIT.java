package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * generate-mac and verify-mac requests Keyloom must refuse, through the SDK and plain HTTP, each
 * with its documented status and code (docs/hmac-keys.md); the message limit on both sides.
 */
class MacErrorsIT extends ServerIT {
  static KmsClient alice;
  static String hmac256;
  static final byte[] M = "m".getBytes(UTF_8);

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    hmac256 = Keys.create(alice, "HMAC_256", null);
  }

  static String generateBody(String keyId, String alg, String message) {
    return "{\"key_id\":\"%s\",\"mac_algorithm\":\"%s\",\"message\":\"%s\"}"
        .formatted(keyId, alg, message);
  }

  static void assertHttpError(String op, String body, int status, String code) {
    Http.Response r = call(op, body);
    assertThat(r.status()).as(op + " " + body + " " + r.text()).isEqualTo(status);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  @Test
  void mac_withMessageOf4096Bytes_works_of4097_isKms0308_andEmpty_isKms0204() {
    assertThat(Macs.generate(alice, hmac256, "HMAC_SHA_256", new byte[4096]).getMac()).hasSize(64);
    String mac = Macs.generate(alice, hmac256, "HMAC_SHA_256", new byte[4096]).getMac();
    assertThat(Macs.verify(alice, hmac256, "HMAC_SHA_256", new byte[4096], mac).getMacValid())
        .isTrue();
    assertKmsError(
        () -> Macs.generate(alice, hmac256, "HMAC_SHA_256", new byte[4097]), 400, "KMS.0308");
    assertKmsError(
        () -> Macs.verify(alice, hmac256, "HMAC_SHA_256", new byte[4097], mac), 400, "KMS.0308");
    assertKmsError(
        () -> Macs.generate(alice, hmac256, "HMAC_SHA_256", new byte[0]), 400, "KMS.0204");
  }

  @Test
  void mac_withAlgorithmOfAnotherSpec_isKms0308() {
    for (String alg : new String[] {"HMAC_SHA_384", "HMAC_SHA_512", "HMAC_SM3"}) {
      assertKmsError(() -> Macs.generate(alice, hmac256, alg, M), 400, "KMS.0308", alg);
      assertKmsError(() -> Macs.verify(alice, hmac256, alg, M, "00"), 400, "KMS.0308", alg);
    }
    String sm3 = Keys.create(alice, "HMAC_SM3", null);
    assertKmsError(() -> Macs.generate(alice, sm3, "HMAC_SHA_256", M), 400, "KMS.0308");
  }

  @Test
  void mac_withSymmetricKey_isKms0331_andWithAsymmetricKey_isKms0325() {
    String aes = Keys.create(alice, "AES_256", null);
    String ec = Keys.create(alice, "EC_P256", null);
    assertKmsError(() -> Macs.generate(alice, aes, "HMAC_SHA_256", M), 400, "KMS.0331");
    assertKmsError(() -> Macs.verify(alice, aes, "HMAC_SHA_256", M, "00"), 400, "KMS.0331");
    assertKmsError(() -> Macs.generate(alice, ec, "HMAC_SHA_256", M), 400, "KMS.0325");
    assertKmsError(() -> Macs.verify(alice, ec, "HMAC_SHA_256", M, "00"), 400, "KMS.0325");
  }

  @Test
  void mac_withDisabledKey_isKms0209_andPendingDeletion_isKms0210() {
    String disabled = Keys.create(alice, "HMAC_384", null);
    Keys.disable(alice, disabled);
    assertKmsError(() -> Macs.generate(alice, disabled, "HMAC_SHA_384", M), 400, "KMS.0209");
    assertKmsError(() -> Macs.verify(alice, disabled, "HMAC_SHA_384", M, "00"), 400, "KMS.0209");
    String pending = Keys.create(alice, "HMAC_512", null);
    LifecycleCalls.schedule(alice, pending, "7");
    assertKmsError(() -> Macs.generate(alice, pending, "HMAC_SHA_512", M), 400, "KMS.0210");
    assertKmsError(() -> Macs.verify(alice, pending, "HMAC_SHA_512", M, "00"), 400, "KMS.0210");
  }

  @Test
  void mac_withUnknownKey_is404_andAnotherProjectsKey_is404() {
    String unknown = UUID.randomUUID().toString();
    assertKmsError(() -> Macs.generate(alice, unknown, "HMAC_SHA_256", M), 404, "KMS.0207");
    KmsClient bob = Sdk.bob(server);
    assertKmsError(() -> Macs.generate(bob, hmac256, "HMAC_SHA_256", M), 404, "KMS.0207");
    assertKmsError(() -> Macs.verify(bob, hmac256, "HMAC_SHA_256", M, "00"), 404, "KMS.0207");
  }

  @Test
  void mac_withBadFields_overPlainHttp_isRefusedWithTheDocumentedCode() {
    String m = b64(M);
    assertHttpError("generate-mac", generateBody("not-a-key", "HMAC_SHA_256", m), 400, "KMS.0205");
    assertHttpError("generate-mac", generateBody(hmac256, "HMAC_MD5", m), 400, "KMS.0308");
    assertHttpError("generate-mac", generateBody(hmac256, "HMAC_SHA_256", "%%%"), 400, "KMS.0308");
    assertHttpError("generate-mac", "{\"key_id\":\"" + hmac256 + "\"}", 400, "KMS.0204");
    assertHttpError(
        "generate-mac",
        "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SHA_256\"}".formatted(hmac256),
        400,
        "KMS.0204");
    assertHttpError("generate-mac", "{\"mac_algorithm\":\"HMAC_SHA_256\"}", 400, "KMS.0204");
    String verify = "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SHA_256\",\"message\":\"%s\"%s}";
    assertHttpError("verify-mac", verify.formatted(hmac256, m, ""), 400, "KMS.0204");
    assertHttpError(
        "verify-mac", verify.formatted(hmac256, m, ",\"mac\":\"xyz\""), 400, "KMS.0308");
    assertHttpError(
        "verify-mac", verify.formatted(hmac256, m, ",\"mac\":\"abc\""), 400, "KMS.0308");
    assertHttpError("verify-mac", verify.formatted(hmac256, m, ",\"mac\":1"), 400, "KMS.0202");
  }

  @Test
  void verifyMac_withWellFormedWrongMac_is200False_notAnError() {
    Http.Response r =
        call(
            "verify-mac",
            "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SHA_256\",\"message\":\"%s\",\"mac\":\"00\"}"
                .formatted(hmac256, b64(M)));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("mac_valid").asBoolean(true)).isFalse();
  }
}
