package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.OAEP_1;
import static io.keyloom.it.ClientCrypto.OAEP_256;
import static io.keyloom.it.ClientCrypto.SM2;
import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.ClientCrypto.randomBytes;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportResponse;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BYOK import through the SDK (docs/key-import.md): material wrapped here with JCA / Bouncy Castle,
 * then checked against that known material: Keyloom's ciphertexts and data keys open locally
 * ({@link ClientEnvelope}), local ones open in Keyloom, imported asymmetric keys sign and decrypt
 * as the local key pair does.
 */
class ImportIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  /** Imports {@code material} into a new external key of {@code spec}; returns the key id. */
  static String importSymmetric(String spec, String algorithm, byte[] material) {
    String keyId = Byok.createExternal(alice, spec, null);
    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, algorithm);
    Byok.importMaterial(
        alice,
        keyId,
        p.getImportToken(),
        Byok.wrap(algorithm, p.getPublicKey(), material),
        null,
        null);
    return keyId;
  }

  @Test
  void parameters_areAWrappingPublicKeyAndATokenValidFor24Hours() throws Exception {
    String keyId = Byok.createExternal(alice, "AES_256", null);
    long now = server.clock().millis() / 1000;
    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, OAEP_256);
    assertThat(p.getKeyId()).isEqualTo(keyId);
    assertThat(p.getExpirationTime()).isBetween(now + 86_399, now + 86_401);
    assertThat(p.getImportToken()).matches("^[0-9a-zA-Z+/=]{200,6144}$");
    var rsa =
        (java.security.interfaces.RSAPublicKey)
            KeyFactory.getInstance("RSA")
                .generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(p.getPublicKey())));
    assertThat(rsa.getModulus().bitLength()).isEqualTo(2048);
    CreateParametersForImportResponse sm2 = Byok.parameters(alice, keyId, SM2);
    assertThat(sm2.getImportToken()).matches("^[0-9a-zA-Z+/=]{200,6144}$");
    assertThat(Keys.bcEc(pem(sm2.getPublicKey())).getParameters().getCurve().getFieldSize())
        .isEqualTo(256);
  }

  static String pem(String b64) {
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  @ParameterizedTest(name = "{0} wrapped with {1}")
  @CsvSource({"AES_256, RSAES_OAEP_SHA_256", "AES_256, SM2_ENCRYPT", "SM4, RSAES_OAEP_SHA_1"})
  void importedSymmetricMaterial_isTheKeyKeyloomEncryptsWith(String spec, String algorithm)
      throws Exception {
    byte[] material = randomBytes(spec.equals("SM4") ? 16 : 32);
    String keyId = importSymmetric(spec, algorithm, material);
    KeyDetails d = LifecycleCalls.describe(alice, keyId);
    assertThat(d.getKeyState()).isEqualTo("2");
    assertThat(d.getOrigin()).hasToString("external");

    String cipher = Keys.encrypt(alice, keyId, null, "hello byok").getCipherText();
    byte[] opened = ClientEnvelope.open(material, Base64.getDecoder().decode(cipher), null, false);
    assertThat(new String(opened, UTF_8)).isEqualTo("hello byok");

    byte[] local =
        ClientEnvelope.seal(material, keyId, 1, "made here".getBytes(UTF_8), null, false);
    assertThat(Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", b64(local)).getPlainText())
        .isEqualTo("made here");
  }

  @Test
  void dataKeysUnderAnImportedKey_openLocally_andLocalOnesOpenInKeyloom() throws Exception {
    byte[] material = randomBytes(32);
    String keyId = importSymmetric("AES_256", OAEP_256, material);
    CreateDatakeyResponse dk = DataKeys.create(alice, DataKeys.body(keyId, null, "256", "ctx"));
    byte[] opened = ClientEnvelope.open(material, DataKeys.unhex(dk.getCipherText()), "ctx", true);
    assertThat(DataKeys.hex(opened)).isEqualToIgnoringCase(dk.getPlainText());

    byte[] dek = randomBytes(32);
    byte[] local = ClientEnvelope.seal(material, keyId, 1, dek, "ctx", true);
    String back = DataKeys.decrypt(alice, keyId, DataKeys.hex(local), "32", "ctx").getDataKey();
    assertThat(back).isEqualToIgnoringCase(DataKeys.hex(dek));
  }

  @Test
  void importedRsaKey_decryptsWhatTheLocalPublicKeyEncrypts() throws Exception {
    Byok.LocalKey local = Byok.localKey("RSA_2048");
    String keyId = Byok.createExternal(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    importAsymmetric(keyId, OAEP_1, local, 32);
    assertThat(Keys.spki(Keys.publicKeyPem(alice, keyId)))
        .isEqualTo(local.jca().getPublic().getEncoded());
    byte[] cipher = ClientCrypto.oaepEncrypt(OAEP_256, local.jca().getPublic(), "rsa".getBytes());
    assertThat(Keys.decrypt(alice, keyId, OAEP_256, b64(cipher)).getPlainText()).isEqualTo("rsa");
  }

  @Test
  void importedEcKey_signsSoThatTheLocalPublicKeyVerifies() throws Exception {
    Byok.LocalKey local = Byok.localKey("EC_P256");
    String keyId = Byok.createExternal(alice, "EC_P256", "SIGN_VERIFY");
    importAsymmetric(keyId, OAEP_256, local, 16);
    byte[] message = "signed by an imported key".getBytes(UTF_8);
    byte[] digest = ClientCrypto.hash("ECDSA_SHA_256", message);
    byte[] signature = Keys.sign(alice, keyId, "ECDSA_SHA_256", "DIGEST", digest);
    assertThat(ClientCrypto.jcaVerify("ECDSA_SHA_256", local.jca().getPublic(), message, signature))
        .isTrue();
  }

  @Test
  void importedSm2Key_signsAndDecryptsAsTheLocalKeyPair() throws Exception {
    Byok.LocalKey signing = Byok.localKey("SM2");
    String signer = Byok.createExternal(alice, "SM2", "SIGN_VERIFY");
    importAsymmetric(signer, SM2, signing, 16);
    byte[] message = "sm2 byok".getBytes(UTF_8);
    byte[] digest = ClientCrypto.sm2Digest(signing.sm2(), message);
    byte[] signature = Keys.sign(alice, signer, "SM2DSA_SM3", "DIGEST", digest);
    assertThat(ClientCrypto.sm2Verify(signing.sm2(), message, signature)).isTrue();

    Byok.LocalKey encrypting = Byok.localKey("SM2");
    String decrypter = Byok.createExternal(alice, "SM2", "ENCRYPT_DECRYPT");
    importAsymmetric(decrypter, OAEP_256, encrypting, 16);
    byte[] cipher = ClientCrypto.sm2Encrypt(encrypting.sm2(), "to sm2".getBytes(UTF_8));
    assertThat(Keys.decrypt(alice, decrypter, SM2, b64(cipher)).getPlainText()).isEqualTo("to sm2");
  }

  static void importAsymmetric(String keyId, String alg, Byok.LocalKey local, int tempBytes) {
    Byok.importAsymmetric(alice, keyId, alg, local, tempBytes);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyState()).isEqualTo("2");
  }

  @Test
  void deletedMaterial_stopsEncryptionAtOnce_andOnlyTheSameMaterialComesBack() throws Exception {
    byte[] material = randomBytes(32);
    String keyId = importSymmetric("AES_256", OAEP_256, material);
    String cipher = Keys.encrypt(alice, keyId, null, "kept").getCipherText();
    Byok.deleteMaterial(alice, keyId);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyState()).isEqualTo("5");
    assertKmsError(() -> Keys.encrypt(alice, keyId, null, "x"), 400, "KMS.0209");
    assertKmsError(() -> Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", cipher), 400, "KMS.0209");

    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, OAEP_256);
    String other = Byok.wrap(OAEP_256, p.getPublicKey(), randomBytes(32));
    assertKmsError(
        () -> Byok.importMaterial(alice, keyId, p.getImportToken(), other, null, null),
        400,
        "KMS.2606");
    String same = Byok.wrap(OAEP_256, p.getPublicKey(), material);
    Byok.importMaterial(alice, keyId, p.getImportToken(), same, null, null);
    assertThat(Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", cipher).getPlainText())
        .isEqualTo("kept");
  }

  @Test
  void expiredMaterial_isDeletedWhenTheEmulatorClockPassesItsExpirationTime() {
    String keyId = Byok.createExternal(alice, "SM4", null);
    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, OAEP_256);
    long now = http.send("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    long expiry = now / 1000 + 3600;
    String wrapped = Byok.wrap(OAEP_256, p.getPublicKey(), randomBytes(16));
    Byok.importMaterial(alice, keyId, p.getImportToken(), wrapped, null, expiry);
    KeyDetails d = LifecycleCalls.describe(alice, keyId);
    assertThat(d.getExpirationTime()).isEqualTo(Long.toString(expiry * 1000));
    Keys.encrypt(alice, keyId, null, "before");

    assertThat(http.post("/keyloom/v1/clock", "{\"advance\":\"59m\"}", Map.of()).status())
        .isEqualTo(200);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyState()).isEqualTo("2");
    assertThat(http.post("/keyloom/v1/clock", "{\"advance\":\"2m\"}", Map.of()).status())
        .isEqualTo(200);
    KeyDetails after = LifecycleCalls.describe(alice, keyId);
    assertThat(after.getKeyState()).isEqualTo("5");
    assertThat(after.getExpirationTime()).isEmpty();
    assertKmsError(() -> Keys.encrypt(alice, keyId, null, "after"), 400, "KMS.0209");
  }

  @Test
  void materialExpiringWhileTheKeyIsPendingDeletion_leavesItPending_andCancelFindsNoMaterial() {
    String keyId = Byok.createExternal(alice, "AES_256", null);
    CreateParametersForImportResponse p = Byok.parameters(alice, keyId, OAEP_256);
    long now = http.send("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    String wrapped = Byok.wrap(OAEP_256, p.getPublicKey(), randomBytes(32));
    Byok.importMaterial(alice, keyId, p.getImportToken(), wrapped, null, now / 1000 + 60);
    LifecycleCalls.schedule(alice, keyId, "7");
    assertThat(http.post("/keyloom/v1/clock", "{\"advance\":\"2m\"}", Map.of()).status())
        .isEqualTo(200);
    KeyDetails d = LifecycleCalls.describe(alice, keyId);
    assertThat(d.getKeyState()).isEqualTo("4");
    assertThat(d.getExpirationTime()).isEmpty();
    assertThat(LifecycleCalls.cancel(alice, keyId).getKeyState()).isEqualTo("5");
  }
}
