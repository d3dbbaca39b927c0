package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataResponse;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asymmetric {@code encrypt-data} / {@code decrypt-data} (RSAES-OAEP, SM2) through the official
 * SDK, with ciphertexts made outside Keyloom (JCA OAEP, the {@code openssl} CLI, Bouncy Castle's
 * SM2Engine in C1C3C2 order wrapped as GM/T 0009 DER) decrypted by the server.
 */
class AsymmetricEncryptionIT {
  static final SecureRandom RANDOM = new SecureRandom();
  static final String OAEP_256 = "RSAES_OAEP_SHA_256";
  static final String OAEP_1 = "RSAES_OAEP_SHA_1";
  static final String SM2 = "SM2_ENCRYPT";

  static TestServer server;
  static KmsClient alice;
  static final Map<String, String> KEYS = new HashMap<>();

  @BeforeAll
  static void start() {
    server = TestServer.start();
    alice = Sdk.alice(server);
    for (String spec : new String[] {"RSA_2048", "RSA_3072", "RSA_4096", "SM2"}) {
      KEYS.put(spec, Keys.create(alice, spec, "ENCRYPT_DECRYPT"));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> keysAndAlgorithms() {
    return Stream.of(
        arguments("RSA_2048", OAEP_256),
        arguments("RSA_2048", OAEP_1),
        arguments("RSA_3072", OAEP_256),
        arguments("RSA_3072", OAEP_1),
        arguments("RSA_4096", OAEP_256),
        arguments("RSA_4096", OAEP_1),
        arguments("SM2", SM2));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("keysAndAlgorithms")
  void encryptThenDecrypt_roundTripsThroughTheServer(String spec, String alg) throws IOException {
    String key = KEYS.get(spec);
    String plaintext = "round trip with " + alg + " on " + spec + " — ünïcödé";

    EncryptDataResponse enc = encrypt(key, alg, plaintext);
    assertThat(enc.getKeyId()).isEqualTo(key);
    byte[] ciphertext = Base64.getDecoder().decode(enc.getCipherText());
    if (spec.startsWith("RSA")) {
      int k =
          ((RSAPublicKey) Keys.jca("RSA", Keys.publicKeyPem(alice, key))).getModulus().bitLength();
      assertThat(ciphertext).hasSize(k / 8);
    } else {
      assertThat(ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(ciphertext)).size())
          .isEqualTo(4);
    }
    assertThat(encrypt(key, alg, plaintext).getCipherText())
        .as("randomised")
        .isNotEqualTo(enc.getCipherText());

    DecryptDataResponse dec = decrypt(key, alg, enc.getCipherText());
    assertThat(dec.getKeyId()).isEqualTo(key);
    assertThat(dec.getPlainText()).isEqualTo(plaintext);
    assertThat(dec.getPlainTextBase64())
        .isEqualTo(Base64.getEncoder().encodeToString(plaintext.getBytes(UTF_8)));
  }

  static Stream<Arguments> rsaKeysAndAlgorithms() {
    return keysAndAlgorithms().filter(a -> !a.get()[0].equals("SM2"));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("rsaKeysAndAlgorithms")
  void jcaOaepCiphertext_decryptsOnTheServer(String spec, String alg)
      throws GeneralSecurityException {
    String key = KEYS.get(spec);
    String plaintext = "encrypted by the JDK with " + alg;

    byte[] ciphertext = jcaOaep(key, alg, plaintext.getBytes(UTF_8));

    DecryptDataResponse dec = decrypt(key, alg, b64(ciphertext));
    assertThat(dec.getPlainText()).isEqualTo(plaintext);
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext.getBytes(UTF_8)));
  }

  static Stream<Arguments> opensslOaepCases() {
    return Stream.of(
        arguments("RSA_2048", OAEP_256),
        arguments("RSA_3072", OAEP_1),
        arguments("RSA_4096", OAEP_256));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("opensslOaepCases")
  void opensslOaepCiphertext_decryptsOnTheServer(String spec, String alg) {
    Assumptions.assumeTrue(OpenSsl.available(), "openssl is not installed");
    String key = KEYS.get(spec);
    String md = alg.equals(OAEP_256) ? "sha256" : "sha1";
    byte[] plaintext = "encrypted by openssl pkeyutl".getBytes(UTF_8);
    OpenSsl ssl =
        OpenSsl.workspace().write("pub.pem", Keys.publicKeyPem(alice, key)).write("msg", plaintext);

    OpenSsl.Result r =
        ssl.run(
            "pkeyutl",
            "-encrypt",
            "-pubin",
            "-inkey",
            "pub.pem",
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:" + md,
            "-pkeyopt",
            "rsa_mgf1_md:" + md,
            "-in",
            "msg",
            "-out",
            "ct");
    assertThat(r.exitCode()).as(r.output()).isZero();

    DecryptDataResponse dec = decrypt(key, alg, b64(ssl.read("ct")));
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext));
  }

  @Test
  void bouncyCastleSm2Ciphertext_decryptsOnTheServer() throws InvalidCipherTextException {
    String key = KEYS.get("SM2");
    byte[] plaintext = "encrypted by Bouncy Castle SM2Engine, C1C3C2".getBytes(UTF_8);

    byte[] ciphertext = bcSm2(key, plaintext);

    DecryptDataResponse dec = decrypt(key, SM2, b64(ciphertext));
    assertThat(dec.getPlainText()).isEqualTo(new String(plaintext, UTF_8));
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext));
  }

  @Test
  void opensslSm2Ciphertext_decryptsOnTheServer() {
    Assumptions.assumeTrue(OpenSsl.available(), "openssl is not installed");
    OpenSsl probe = OpenSsl.workspace().write("m", "probe");
    Assumptions.assumeTrue(
        probe.run("genpkey", "-algorithm", "SM2", "-out", "k.pem").exitCode() == 0
            && probe.run("pkey", "-in", "k.pem", "-pubout", "-out", "p.pem").exitCode() == 0
            && probe
                    .run(
                        "pkeyutl", "-encrypt", "-pubin", "-inkey", "p.pem", "-in", "m", "-out", "c")
                    .exitCode()
                == 0,
        "this openssl cannot SM2-encrypt");
    String key = KEYS.get("SM2");
    byte[] plaintext = "encrypted by openssl pkeyutl with SM2".getBytes(UTF_8);
    OpenSsl ssl =
        OpenSsl.workspace().write("pub.pem", Keys.publicKeyPem(alice, key)).write("msg", plaintext);

    OpenSsl.Result r =
        ssl.run("pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-out", "ct");
    assertThat(r.exitCode()).as(r.output()).isZero();

    DecryptDataResponse dec = decrypt(key, SM2, b64(ssl.read("ct")));
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext));
  }

  static Stream<Arguments> plaintextLimits() {
    return Stream.of(
        arguments("RSA_2048", OAEP_256, 190),
        arguments("RSA_2048", OAEP_1, 214),
        arguments("RSA_3072", OAEP_256, 318),
        arguments("RSA_3072", OAEP_1, 342),
        arguments("RSA_4096", OAEP_256, 446),
        arguments("RSA_4096", OAEP_1, 470));
  }

  @ParameterizedTest(name = "{1} on {0} takes {2} bytes")
  @MethodSource("plaintextLimits")
  void encrypt_acceptsTheOaepMaximumAndRefusesOneMoreByteWithKms2108(
      String spec, String alg, int max) {
    String key = KEYS.get(spec);
    String largest = "p".repeat(max);

    String ciphertext = encrypt(key, alg, largest).getCipherText();
    assertThat(decrypt(key, alg, ciphertext).getPlainText()).isEqualTo(largest);

    assertKmsError(() -> encrypt(key, alg, largest + "p"), 400, "KMS.2108");
  }

  @Test
  void decrypt_ofNonUtf8Plaintext_returnsTheExactBytesInPlainTextBase64()
      throws GeneralSecurityException, InvalidCipherTextException {
    byte[] bytes = new byte[160];
    RANDOM.nextBytes(bytes);
    bytes[0] = (byte) 0xff;
    bytes[1] = (byte) 0xfe;
    bytes[2] = 0;
    bytes[3] = (byte) 0xc3;
    bytes[4] = (byte) 0x28;

    String rsa = KEYS.get("RSA_2048");
    assertThat(decrypt(rsa, OAEP_256, b64(jcaOaep(rsa, OAEP_256, bytes))).getPlainTextBase64())
        .isEqualTo(b64(bytes));
    String sm2 = KEYS.get("SM2");
    assertThat(decrypt(sm2, SM2, b64(bcSm2(sm2, bytes))).getPlainTextBase64())
        .isEqualTo(b64(bytes));
  }

  @Test
  void encrypt_withEcKey_isRefusedWithKms1114() {
    String ec = Keys.create(alice, "EC_P256", null);
    assertKmsError(() -> encrypt(ec, OAEP_256, "x"), 400, "KMS.1114");
    assertKmsError(() -> encrypt(ec, SM2, "x"), 400, "KMS.1114");
    assertKmsError(() -> decrypt(ec, OAEP_256, b64(new byte[256])), 400, "KMS.1114");
  }

  @Test
  void createKey_forEcEncryptDecrypt_isRefused() {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeyAlias("it-ec-encrypt")
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.EC_P384)
            .withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.ENCRYPT_DECRYPT);
    assertKmsError(() -> alice.createKey(new CreateKeyRequest().withBody(body)), 400, "KMS.1114");
  }

  @Test
  void encryptOrDecrypt_withRsaSignVerifyKey_isKms0335() {
    String rsa = Keys.create(alice, "RSA_2048", "SIGN_VERIFY");
    assertKmsError(() -> encrypt(rsa, OAEP_256, "x"), 400, "KMS.0335");
    assertKmsError(() -> decrypt(rsa, OAEP_256, b64(new byte[256])), 400, "KMS.0335");
  }

  @Test
  void encrypt_withSymmetricDefaultOnRsaKey_isKms2106() {
    String rsa = KEYS.get("RSA_2048");
    assertKmsError(() -> encrypt(rsa, "SYMMETRIC_DEFAULT", "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(rsa, null, "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(rsa, SM2, "x"), 400, "KMS.2106");
    assertKmsError(() -> encrypt(KEYS.get("SM2"), OAEP_256, "x"), 400, "KMS.2106");
  }

  @Test
  void encrypt_withRsaOaepOnAesKey_isKms2105() {
    String aes = Keys.create(alice, "AES_256", null);
    assertKmsError(() -> encrypt(aes, OAEP_256, "x"), 400, "KMS.2105");
    assertKmsError(() -> encrypt(aes, OAEP_1, "x"), 400, "KMS.2105");
    assertKmsError(() -> encrypt(aes, SM2, "x"), 400, "KMS.2105");
  }

  @Test
  void decrypt_ofGarbageWithTheRightKey_is400() {
    for (String spec : new String[] {"RSA_2048", "RSA_4096"}) {
      String key = KEYS.get(spec);
      for (int length : new int[] {96, 255, 256, 512, 513}) {
        byte[] garbage = new byte[length];
        RANDOM.nextBytes(garbage);
        assertKmsError(() -> decrypt(key, OAEP_256, b64(garbage)), 400, null);
      }
      byte[] allOnes = new byte[spec.equals("RSA_2048") ? 256 : 512];
      Arrays.fill(allOnes, (byte) 0xff);
      assertKmsError(() -> decrypt(key, OAEP_256, b64(allOnes)), 400, null);
    }
    String sm2 = KEYS.get("SM2");
    for (int length : new int[] {96, 140, 300}) {
      byte[] garbage = new byte[length];
      RANDOM.nextBytes(garbage);
      assertKmsError(() -> decrypt(sm2, SM2, b64(garbage)), 400, null);
    }
  }

  @Test
  void decrypt_ofTamperedRsaCiphertext_is400() {
    String key = KEYS.get("RSA_2048");
    byte[] ciphertext =
        Base64.getDecoder().decode(encrypt(key, OAEP_256, "tamper me").getCipherText());
    for (int i = 0; i < ciphertext.length; i += 7) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int position = i;
      assertKmsError(() -> decrypt(key, OAEP_256, b64(tampered)), 400, null, "byte " + position);
    }
  }

  @Test
  void decrypt_ofTamperedSm2Ciphertext_is400() {
    String key = KEYS.get("SM2");
    byte[] ciphertext =
        Base64.getDecoder().decode(encrypt(key, SM2, "tamper with SM2 as well").getCipherText());
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] tampered = ciphertext.clone();
      tampered[i] ^= 0x01;
      int position = i;
      assertKmsError(() -> decrypt(key, SM2, b64(tampered)), 400, null, "byte " + position);
    }
  }

  @Test
  void decrypt_withTheWrongOaepHash_is400() {
    String key = KEYS.get("RSA_2048");
    String sha256 = encrypt(key, OAEP_256, "made with SHA-256").getCipherText();
    assertKmsError(() -> decrypt(key, OAEP_1, sha256), 400, null);
    String sha1 = encrypt(key, OAEP_1, "made with SHA-1").getCipherText();
    assertKmsError(() -> decrypt(key, OAEP_256, sha1), 400, null);
  }

  @Test
  void decrypt_withAnotherKeyOfTheSameSpec_is400() {
    String other = Keys.create(alice, "RSA_2048", "ENCRYPT_DECRYPT");
    String ciphertext =
        encrypt(KEYS.get("RSA_2048"), OAEP_256, "for the first key").getCipherText();
    assertKmsError(() -> decrypt(other, OAEP_256, ciphertext), 400, null);
  }

  @Test
  void decrypt_ofAsymmetricCiphertextWithoutKeyId_isKms0204() {
    String ciphertext = encrypt(KEYS.get("RSA_2048"), OAEP_256, "needs key_id").getCipherText();
    assertKmsError(() -> decrypt(null, OAEP_256, ciphertext), 400, "KMS.0204");
  }

  @Test
  void additionalAuthenticatedData_withAsymmetricKey_is400() {
    for (String[] c : new String[][] {{"RSA_2048", OAEP_256}, {"SM2", SM2}}) {
      String key = KEYS.get(c[0]);
      String alg = c[1];
      EncryptDataRequestBody enc =
          new EncryptDataRequestBody()
              .withKeyId(key)
              .withPlainText("with aad")
              .withEncryptionAlgorithm(
                  EncryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg))
              .withAdditionalAuthenticatedData("context");
      assertKmsError(() -> alice.encryptData(new EncryptDataRequest().withBody(enc)), 400, null);

      String ciphertext = encrypt(key, alg, "without aad").getCipherText();
      DecryptDataRequestBody dec =
          new DecryptDataRequestBody()
              .withKeyId(key)
              .withCipherText(ciphertext)
              .withEncryptionAlgorithm(
                  DecryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg))
              .withAdditionalAuthenticatedData("context");
      assertKmsError(() -> alice.decryptData(new DecryptDataRequest().withBody(dec)), 400, null);
    }
  }

  static EncryptDataResponse encrypt(String keyId, String alg, String plaintext) {
    EncryptDataRequestBody body =
        new EncryptDataRequestBody().withKeyId(keyId).withPlainText(plaintext);
    if (alg != null) {
      body.withEncryptionAlgorithm(EncryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg));
    }
    return alice.encryptData(new EncryptDataRequest().withBody(body));
  }

  static DecryptDataResponse decrypt(String keyId, String alg, String cipherText) {
    DecryptDataRequestBody body =
        new DecryptDataRequestBody()
            .withKeyId(keyId)
            .withCipherText(cipherText)
            .withEncryptionAlgorithm(DecryptDataRequestBody.EncryptionAlgorithmEnum.fromValue(alg));
    return alice.decryptData(new DecryptDataRequest().withBody(body));
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] jcaOaep(String keyId, String alg, byte[] plaintext)
      throws GeneralSecurityException {
    return ClientCrypto.oaepEncrypt(
        alg, Keys.jca("RSA", Keys.publicKeyPem(alice, keyId)), plaintext);
  }

  static byte[] bcSm2(String keyId, byte[] plaintext) throws InvalidCipherTextException {
    return ClientCrypto.sm2Encrypt(Keys.bcEc(Keys.publicKeyPem(alice, keyId)), plaintext);
  }
}
