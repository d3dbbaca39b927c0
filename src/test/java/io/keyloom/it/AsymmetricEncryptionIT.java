package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.OAEP_1;
import static io.keyloom.it.ClientCrypto.OAEP_256;
import static io.keyloom.it.ClientCrypto.SM2;
import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.ClientCrypto.randomBytes;
import static io.keyloom.it.Keys.decrypt;
import static io.keyloom.it.Keys.encrypt;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse;
import com.huaweicloud.sdk.kms.v2.model.EncryptDataResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Asymmetric {@code encrypt-data} / {@code decrypt-data} (RSAES-OAEP, SM2) through the official
 * SDK, with ciphertexts made outside Keyloom (JCA OAEP, the {@code openssl} CLI, Bouncy Castle's
 * SM2Engine in C1C3C2 order wrapped as GM/T 0009 DER) decrypted by the server. Refused requests and
 * tampered ciphertexts are in {@link AsymmetricEncryptionErrorsIT}.
 */
class AsymmetricEncryptionIT extends ServerIT {
  /** OpenSSL workspaces; JUnit deletes it after each test. */
  @TempDir Path tmp;

  static KmsClient alice;
  static final Map<String, String> KEYS = new HashMap<>();

  @BeforeAll
  static void encryptionKeys() {
    alice = Sdk.alice(server);
    for (String spec : new String[] {"RSA_2048", "RSA_3072", "RSA_4096", "SM2"}) {
      KEYS.put(spec, Keys.create(alice, spec, "ENCRYPT_DECRYPT"));
    }
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

    EncryptDataResponse enc = encrypt(alice, key, alg, plaintext);
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
    assertThat(encrypt(alice, key, alg, plaintext).getCipherText())
        .as("randomised")
        .isNotEqualTo(enc.getCipherText());

    DecryptDataResponse dec = decrypt(alice, key, alg, enc.getCipherText());
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

    DecryptDataResponse dec = decrypt(alice, key, alg, b64(ciphertext));
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
    OpenSsl.require();
    String key = KEYS.get(spec);
    String md = alg.equals(OAEP_256) ? "sha256" : "sha1";
    byte[] plaintext = "encrypted by openssl pkeyutl".getBytes(UTF_8);
    OpenSsl ssl =
        OpenSsl.workspace(tmp)
            .write("pub.pem", Keys.publicKeyPem(alice, key))
            .write("msg", plaintext);

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

    DecryptDataResponse dec = decrypt(alice, key, alg, b64(ssl.read("ct")));
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext));
  }

  @Test
  void bouncyCastleSm2Ciphertext_decryptsOnTheServer() throws InvalidCipherTextException {
    String key = KEYS.get("SM2");
    byte[] plaintext = "encrypted by Bouncy Castle SM2Engine, C1C3C2".getBytes(UTF_8);

    byte[] ciphertext = bcSm2(key, plaintext);

    DecryptDataResponse dec = decrypt(alice, key, SM2, b64(ciphertext));
    assertThat(dec.getPlainText()).isEqualTo(new String(plaintext, UTF_8));
    assertThat(dec.getPlainTextBase64()).isEqualTo(b64(plaintext));
  }

  @Test
  void opensslSm2Ciphertext_decryptsOnTheServer() {
    OpenSsl.require();
    OpenSsl probe = OpenSsl.workspace(tmp).write("m", "probe");
    assertThat(
            probe.run("genpkey", "-algorithm", "SM2", "-out", "k.pem").exitCode() == 0
                && probe.run("pkey", "-in", "k.pem", "-pubout", "-out", "p.pem").exitCode() == 0
                && probe
                        .run(
                            "pkeyutl",
                            "-encrypt",
                            "-pubin",
                            "-inkey",
                            "p.pem",
                            "-in",
                            "m",
                            "-out",
                            "c")
                        .exitCode()
                    == 0)
        .as("this openssl cannot SM2-encrypt (OpenSSL 3 can)")
        .isTrue();
    String key = KEYS.get("SM2");
    byte[] plaintext = "encrypted by openssl pkeyutl with SM2".getBytes(UTF_8);
    OpenSsl ssl =
        OpenSsl.workspace(tmp)
            .write("pub.pem", Keys.publicKeyPem(alice, key))
            .write("msg", plaintext);

    OpenSsl.Result r =
        ssl.run("pkeyutl", "-encrypt", "-pubin", "-inkey", "pub.pem", "-in", "msg", "-out", "ct");
    assertThat(r.exitCode()).as(r.output()).isZero();

    DecryptDataResponse dec = decrypt(alice, key, SM2, b64(ssl.read("ct")));
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

    String ciphertext = encrypt(alice, key, alg, largest).getCipherText();
    assertThat(decrypt(alice, key, alg, ciphertext).getPlainText()).isEqualTo(largest);

    assertKmsError(() -> encrypt(alice, key, alg, largest + "p"), 400, "KMS.2108");
  }

  @Test
  void decrypt_ofNonUtf8Plaintext_returnsTheExactBytesInPlainTextBase64()
      throws GeneralSecurityException, InvalidCipherTextException {
    byte[] bytes = randomBytes(160);
    bytes[0] = (byte) 0xff;
    bytes[1] = (byte) 0xfe;
    bytes[2] = 0;
    bytes[3] = (byte) 0xc3;
    bytes[4] = (byte) 0x28;

    String rsa = KEYS.get("RSA_2048");
    assertThat(
            decrypt(alice, rsa, OAEP_256, b64(jcaOaep(rsa, OAEP_256, bytes))).getPlainTextBase64())
        .isEqualTo(b64(bytes));
    String sm2 = KEYS.get("SM2");
    assertThat(decrypt(alice, sm2, SM2, b64(bcSm2(sm2, bytes))).getPlainTextBase64())
        .isEqualTo(b64(bytes));
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
