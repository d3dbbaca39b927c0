package io.keyloom.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * create-rsa-datakey-pair and create-ec-datakey-pair through the official SDK. Each pair is checked
 * outside Keyloom: both keys parse with the JCA, the private key signs what the public key
 * verifies, openssl derives the same public key from the private one, and the private key
 * ciphertext opens with decrypt-data to exactly the returned private key. Refusals are in {@link
 * DataKeyPairErrorsIT}.
 */
class DataKeyPairIT extends ServerIT {
  /** OpenSSL workspaces; JUnit deletes it after each test. */
  @TempDir Path tmp;

  static KmsClient alice;
  static String aes;
  static String sm4;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aes = Keys.create(alice, "AES_256", null);
    sm4 = Keys.create(alice, "SM4", null);
  }

  /** decrypt-data of a Base64 envelope, returning plain_text_base64. */
  static String decryptData(String cipherText, String aad) {
    return alice
        .decryptData(
            new DecryptDataRequest()
                .withBody(
                    new DecryptDataRequestBody()
                        .withCipherText(cipherText)
                        .withAdditionalAuthenticatedData(aad)))
        .getPlainTextBase64();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "RSA_2048",
        "RSA_3072",
        "RSA_4096",
        "ECC_NIST_P256",
        "ECC_NIST_P384",
        "ECC_NIST_P521",
        "ECC_SECG_P256K1",
        "SM2"
      })
  void pair_parsesWithJca_matches_andItsCiphertextOpensToThePrivateKey(String spec)
      throws GeneralSecurityException {
    KeyPairs.Pair pair = KeyPairs.create(alice, aes, spec, null, null);

    assertThat(pair.keyId()).isEqualTo(aes);
    assertThat(pair.keySpec()).isEqualTo(spec);
    PublicKey pub = KeyPairs.publicKey(spec, pair.publicKeyDer());
    PrivateKey priv = KeyPairs.privateKey(spec, pair.privateKeyDer());
    if (spec.startsWith("RSA")) {
      int bits = Integer.parseInt(spec.substring(4));
      assertThat(((RSAPublicKey) pub).getModulus().bitLength()).isEqualTo(bits);
    } else {
      assertThat(KeyPairs.curveOid(pair.publicKeyDer())).isEqualTo(KeyPairs.CURVE_OIDS.get(spec));
    }
    byte[] message = ("signed with a " + spec + " data key pair").getBytes(UTF_8);
    assertThat(KeyPairs.signsAndVerifies(spec, priv, pub, message, message)).isTrue();
    assertThat(KeyPairs.signsAndVerifies(spec, priv, pub, message, "other".getBytes(UTF_8)))
        .as("control")
        .isFalse();
    assertThat(decryptData(pair.cipherText(), null)).isEqualTo(pair.plainText());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"RSA_2048", "ECC_NIST_P256", "ECC_NIST_P384", "ECC_SECG_P256K1", "SM2"})
  void opensslDerivesTheReturnedPublicKeyFromThePrivateKey(String spec) {
    OpenSsl.require();
    KeyPairs.Pair pair = KeyPairs.create(alice, sm4, spec, true, null);
    OpenSsl ssl = OpenSsl.workspace(tmp).write("priv.der", pair.privateKeyDer());
    OpenSsl.Result r =
        ssl.run(
            "pkey",
            "-inform",
            "DER",
            "-in",
            "priv.der",
            "-pubout",
            "-outform",
            "DER",
            "-out",
            "pub.der");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(ssl.read("pub.der")).isEqualTo(pair.publicKeyDer());
  }

  @Test
  void withPlainTextFalse_omitsThePrivateKey_butItsCiphertextStillOpensToAMatchingKey()
      throws GeneralSecurityException {
    for (String spec : new String[] {"RSA_2048", "SM2"}) {
      KeyPairs.Pair pair = KeyPairs.create(alice, sm4, spec, false, null);
      assertThat(pair.plainText()).isNull();
      byte[] pkcs8 = Base64.getDecoder().decode(decryptData(pair.cipherText(), null));
      PrivateKey priv = KeyPairs.privateKey(spec, pkcs8);
      PublicKey pub = KeyPairs.publicKey(spec, pair.publicKeyDer());
      byte[] message = "kept wrapped".getBytes(UTF_8);
      assertThat(KeyPairs.signsAndVerifies(spec, priv, pub, message, message)).isTrue();
    }
    Http.Response raw =
        call(
            "create-ec-datakey-pair",
            """
            {"key_id":"%s","key_spec":"ECC_NIST_P256","with_plain_text":false}"""
                .formatted(aes));
    assertThat(raw.status()).as(raw.text()).isEqualTo(200);
    assertThat(raw.json().has("private_key_plain_text")).isFalse();
    assertThat(raw.json().path("private_key_cipher_text").asText()).isNotEmpty();
  }

  @Test
  void withPlainTextAsJsonString_isAccepted() {
    Http.Response r =
        call(
            "create-ec-datakey-pair",
            """
            {"key_id":"%s","key_spec":"ECC_NIST_P256","with_plain_text":"false"}"""
                .formatted(aes));
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().has("private_key_plain_text")).isFalse();
  }

  @Test
  void additionalAuthenticatedData_mustBeRepeatedToOpenThePrivateKey() {
    KeyPairs.Pair pair = KeyPairs.create(alice, aes, "ECC_NIST_P256", true, "device-17");
    assertThat(decryptData(pair.cipherText(), "device-17")).isEqualTo(pair.plainText());
    KmsErrors.assertKmsError(() -> decryptData(pair.cipherText(), null), 400, "KMS.0308");
    KmsErrors.assertKmsError(() -> decryptData(pair.cipherText(), "device-18"), 400, "KMS.0308");
  }

  @Test
  void everyCall_givesANewPair() {
    KeyPairs.Pair a = KeyPairs.create(alice, aes, "ECC_NIST_P256", true, null);
    KeyPairs.Pair b = KeyPairs.create(alice, aes, "ECC_NIST_P256", true, null);
    assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    assertThat(a.plainText()).isNotEqualTo(b.plainText());
  }
}
