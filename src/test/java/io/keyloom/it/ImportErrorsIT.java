package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.OAEP_256;
import static io.keyloom.it.ClientCrypto.SM2;
import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.ClientCrypto.randomBytes;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every documented refusal of BYOK import (huawei-kms-api.md §3.21–3.23, docs/key-import.md), and
 * attacks on the import token: forged, bit-flipped, swapped between keys, expired on the emulator
 * clock, reused after success. None is a 500.
 */
class ImportErrorsIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  record Pending(String keyId, CreateParametersForImportResponse params) {
    String wrap(byte[] secret) {
      return Byok.wrap(OAEP_256, params.getPublicKey(), secret);
    }

    String token() {
      return params.getImportToken();
    }
  }

  static Pending pending(String spec, String usage) {
    String keyId = Byok.createExternal(alice, spec, usage);
    return new Pending(keyId, Byok.parameters(alice, keyId, OAEP_256));
  }

  static void assertImportFails(Pending p, String token, String material, String code) {
    assertKmsError(
        () -> Byok.importMaterial(alice, p.keyId(), token, material, null, null), 400, code);
  }

  @Test
  void parameters_needAnExternalKeyPendingImport_andAKnownAlgorithm() {
    String kmsKey = Keys.create(alice, "AES_256", null);
    assertKmsError(() -> Byok.parameters(alice, kmsKey, OAEP_256), 400, "KMS.0309");
    Pending p = pending("AES_256", null);
    Byok.importMaterial(alice, p.keyId(), p.token(), p.wrap(randomBytes(32)), null, null);
    assertKmsError(() -> Byok.parameters(alice, p.keyId(), SM2), 400, "KMS.0310");
    String external = Byok.createExternal(alice, "AES_256", null);
    String body = "{\"key_id\":\"%s\",\"wrapping_algorithm\":\"%s\"}";
    assertThat(call("get-parameters-for-import", body.formatted(external, "RSA_PKCS1")).errorCode())
        .isEqualTo("KMS.0308");
    assertThat(call("get-parameters-for-import", "{\"key_id\":\"" + external + "\"}").errorCode())
        .isEqualTo("KMS.0204");
    String unknown = "00000000-0000-4000-8000-000000000000";
    assertThat(call("get-parameters-for-import", body.formatted(unknown, OAEP_256)).errorCode())
        .isEqualTo("KMS.0207");
  }

  @Test
  void forgedAndBitFlippedTokens_failVerification() {
    Pending p = pending("AES_256", null);
    String material = p.wrap(randomBytes(32));
    assertImportFails(p, b64(randomBytes(600)), material, "KMS.2605");
    byte[] token = Base64.getDecoder().decode(p.token());
    for (int i : new int[] {0, 1, 20, token.length / 2, token.length - 1}) {
      byte[] flipped = token.clone();
      flipped[i] ^= 0x01;
      assertImportFails(p, b64(flipped), material, "KMS.2605");
    }
    byte[] cut = java.util.Arrays.copyOf(token, token.length - 16);
    assertImportFails(p, b64(cut), material, "KMS.2605");
    assertImportFails(p, "short", material, "KMS.0308");
    assertThat(LifecycleCalls.describe(alice, p.keyId()).getKeyState()).isEqualTo("5");
  }

  @Test
  void anotherKeysToken_isKms2603_evenAcrossTenants() {
    Pending a = pending("AES_256", null);
    Pending b = pending("AES_256", null);
    assertImportFails(a, b.token(), b.wrap(randomBytes(32)), "KMS.2603");
    KmsClient bob = Sdk.bob(server);
    String bobKey = Byok.createExternal(bob, "AES_256", null);
    CreateParametersForImportResponse bobs = Byok.parameters(bob, bobKey, OAEP_256);
    String material = Byok.wrap(OAEP_256, bobs.getPublicKey(), randomBytes(32));
    assertImportFails(a, bobs.getImportToken(), material, "KMS.2603");
    assertKmsError(
        () -> Byok.importMaterial(alice, bobKey, bobs.getImportToken(), material, null, null),
        404,
        "KMS.0207");
  }

  @Test
  void aTokenExpiresAfter24HoursOnTheEmulatorClock_andIsUselessAfterSuccess() {
    Pending p = pending("AES_256", null);
    Pending q = pending("AES_256", null);
    advance("23h");
    Byok.importMaterial(alice, q.keyId(), q.token(), q.wrap(randomBytes(32)), null, null);
    assertImportFails(q, q.token(), q.wrap(randomBytes(32)), "KMS.0310");
    advance("61m");
    assertImportFails(p, p.token(), p.wrap(randomBytes(32)), "KMS.2601");
    assertThat(LifecycleCalls.describe(alice, p.keyId()).getKeyState()).isEqualTo("5");
  }

  static void advance(String amount) {
    String body = "{\"advance\":\"" + amount + "\"}";
    assertThat(http.post("/keyloom/v1/clock", body, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void symmetricMaterial_mustHaveTheSpecsLength_andAFutureExpiration() {
    Pending aes = pending("AES_256", null);
    assertImportFails(aes, aes.token(), aes.wrap(randomBytes(16)), "KMS.2604");
    Pending sm4 = pending("SM4", null);
    assertImportFails(sm4, sm4.token(), sm4.wrap(randomBytes(32)), "KMS.2604");
    long now = server.clock().millis() / 1000;
    assertKmsError(
        () ->
            Byok.importMaterial(
                alice, aes.keyId(), aes.token(), aes.wrap(randomBytes(32)), null, now - 1),
        400,
        "KMS.2602");
    Pending other = pending("AES_256", null);
    assertImportFails(aes, aes.token(), other.wrap(randomBytes(32)), "KMS.0311");
  }

  @Test
  void asymmetricImport_needsAValidPrivateKeyOfTheSpec_underA16Or32ByteTemporaryKey() {
    Pending rsa = pending("RSA_2048", "SIGN_VERIFY");
    byte[] temp = randomBytes(32);
    String wrappedTemp = rsa.wrap(temp);
    assertImportFails(rsa, rsa.token(), wrappedTemp, "KMS.2608");
    String rsa3072 = Byok.aesKwp(temp, Byok.localKey("RSA_3072").pkcs8());
    assertPrivateKeyFails(rsa, wrappedTemp, rsa3072, "KMS.2609");
    String garbage = Byok.aesKwp(temp, randomBytes(300));
    assertPrivateKeyFails(rsa, wrappedTemp, garbage, "KMS.2609");
    String otherTemp = Byok.aesKwp(randomBytes(32), Byok.localKey("RSA_2048").pkcs8());
    assertPrivateKeyFails(rsa, wrappedTemp, otherTemp, "KMS.2609");
    String ok = Byok.aesKwp(temp, Byok.localKey("RSA_2048").pkcs8());
    assertPrivateKeyFails(rsa, rsa.wrap(randomBytes(24)), ok, "KMS.2610");
    Pending sm2 = pending("SM2", null);
    String sm4Wrapped = Byok.aesKwp(temp, Byok.localKey("SM2").pkcs8());
    assertPrivateKeyFails(sm2, sm2.wrap(temp), sm4Wrapped, "KMS.2610");
    long later = server.clock().millis() / 1000 + 3600;
    assertKmsError(
        () -> Byok.importMaterial(alice, rsa.keyId(), rsa.token(), wrappedTemp, ok, later),
        400,
        "KMS.0308");
    assertThat(LifecycleCalls.describe(alice, rsa.keyId()).getKeyState()).isEqualTo("5");
  }

  static void assertPrivateKeyFails(Pending p, String temp, String privateKey, String code) {
    assertKmsError(
        () -> Byok.importMaterial(alice, p.keyId(), p.token(), temp, privateKey, null), 400, code);
  }

  @Test
  void deleteMaterial_onlyForImportedSymmetricKeysThatAreEnabledOrDisabled() {
    String kmsKey = Keys.create(alice, "AES_256", null);
    assertKmsError(() -> Byok.deleteMaterial(alice, kmsKey), 400, "KMS.0309");
    Pending p = pending("AES_256", null);
    assertKmsError(() -> Byok.deleteMaterial(alice, p.keyId()), 400, "KMS.2701");
    Byok.importMaterial(alice, p.keyId(), p.token(), p.wrap(randomBytes(32)), null, null);
    Keys.disable(alice, p.keyId());
    Byok.deleteMaterial(alice, p.keyId());
    assertThat(LifecycleCalls.describe(alice, p.keyId()).getKeyState()).isEqualTo("5");
    assertKmsError(() -> Byok.deleteMaterial(alice, p.keyId()), 400, "KMS.2701");

    Byok.LocalKey local = Byok.localKey("EC_P256");
    String ec = Byok.createExternal(alice, "EC_P256", null);
    Byok.importAsymmetric(alice, ec, OAEP_256, local, 32);
    assertKmsError(() -> Byok.deleteMaterial(alice, ec), 400, "KMS.2702");
  }

  @Test
  void badFieldsOverPlainHttp_areDocumented4xx() {
    Pending p = pending("AES_256", null);
    String base = "{\"key_id\":\"%s\",\"import_token\":\"%s\",\"encrypted_key_material\":%s}";
    assertThat(
            call("import-key-material", base.formatted(p.keyId(), p.token(), "\"!!\"")).errorCode())
        .isEqualTo("KMS.0308");
    assertThat(
            call("import-key-material", base.formatted(p.keyId(), p.token(), "null")).errorCode())
        .isEqualTo("KMS.0204");
    String stringExpiry =
        "{\"key_id\":\"%s\",\"import_token\":\"%s\",\"encrypted_key_material\":\"%s\",\"expiration_time\":\"x\"}"
            .formatted(p.keyId(), p.token(), p.wrap(randomBytes(32)));
    assertThat(call("import-key-material", stringExpiry).status()).isEqualTo(400);
    assertThat(call("delete-imported-key-material", "{\"key_id\":\"nope\"}").errorCode())
        .isEqualTo("KMS.0205");
  }
}
