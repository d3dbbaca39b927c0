package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.SeedYaml.key;
import static io.keyloom.it.SeedYaml.pemMaterial;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed keys with given material (issue 13 item 2): two servers with separate data dirs (two
 * machines) and the same seed hold the same keys, so one's ciphertexts open on the other, and
 * signatures verify with the public key of the PEM, checked with JCA / Bouncy Castle only.
 */
class SeedKeysIT {
  static final String AES = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
  static final String SM4 = "1e1577c1-f838-4e0d-a46e-a95cc585b480";
  static final String RSA_SIGN = "2f2688d2-a949-4f1e-b57f-ba6dd696c591";
  static final String RSA_ENC = "3a3799e3-ba5a-4a2f-869a-cb7eea07d6a2";
  static final String EC = "4b48aaf4-cb6b-4b3a-97ab-dc8ffb18e7b3";
  static final String SM2 = "5c59bb05-dc7c-4c4b-a8bc-ed90ac29f8c4";
  static final String SM2_ENC = "6d6acc16-ed8d-4d5c-b9cd-fea1bd3a09d5";
  static final byte[] AES_KEY = ClientCrypto.randomBytes(32);
  static final byte[] SM4_KEY = ClientCrypto.randomBytes(16);

  static TestServer a;
  static TestServer b;
  static Http httpA;
  static Http httpB;
  static String tokenA;
  static String tokenB;

  static String seed() {
    return SeedYaml.seed(
        key(AES, "demo-aes", "material: " + b64(AES_KEY)),
        key(SM4, "demo-sm4", "spec: SM4", "material: " + b64(SM4_KEY)),
        key(RSA_SIGN, "demo-rsa", "spec: RSA_2048", pemMaterial(TestKeyPairs.pem("rsa2048"))),
        key(
            RSA_ENC,
            "demo-rsa-enc",
            "spec: RSA_3072",
            "usage: ENCRYPT_DECRYPT",
            pemMaterial(TestKeyPairs.pem("rsa3072"))),
        key(EC, "demo-ec", "spec: EC_P256", pemMaterial(TestKeyPairs.pem("p256"))),
        key(SM2, "demo-sm2", "spec: SM2", pemMaterial(TestKeyPairs.pem("sm2"))),
        key(
            SM2_ENC,
            "demo-sm2-enc",
            "spec: SM2",
            "usage: ENCRYPT_DECRYPT",
            "description: \"SM2 for encryption\"",
            pemMaterial(TestKeyPairs.pem("sm2-enc"))));
  }

  @BeforeAll
  static void start() {
    String seed = seed();
    a = TestServer.startWithSeed(seed);
    b = TestServer.startWithSeed(seed);
    httpA = new Http(a.endpoint());
    httpB = new Http(b.endpoint());
    tokenA =
        httpA.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    tokenB =
        httpB.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
  }

  @AfterAll
  static void stop() {
    a.close();
    b.close();
  }

  static JsonNode call(Http http, String token, String op, String body) {
    Http.Response r = http.kms(token, TestServer.PROJECT_ID, op, body);
    assertThat(r.status()).as(op + " " + r.text()).isEqualTo(200);
    return r.json();
  }

  @Test
  void symmetricCiphertext_fromOneServer_decryptsOnAnotherWithTheSameSeed() {
    for (String keyId : new String[] {AES, SM4}) {
      String cipher =
          call(
                  httpA,
                  tokenA,
                  "encrypt-data",
                  "{\"key_id\":\"%s\",\"plain_text\":\"made on A\"}".formatted(keyId))
              .path("cipher_text")
              .asText();
      JsonNode plain =
          call(httpB, tokenB, "decrypt-data", "{\"cipher_text\":\"%s\"}".formatted(cipher));
      assertThat(plain.path("plain_text").asText()).isEqualTo("made on A");
      assertThat(plain.path("key_id").asText()).isEqualTo(keyId);
    }
  }

  @Test
  void publicKeys_areThoseOfTheSeededPems_onBothServers() throws Exception {
    String[][] keys = {{RSA_SIGN, "rsa2048"}, {RSA_ENC, "rsa3072"}, {EC, "p256"}, {SM2, "sm2"}};
    for (String[] k : keys) {
      byte[] expected = TestKeyPairs.get(k[1]).getPublic().getEncoded();
      for (Http http : new Http[] {httpA, httpB}) {
        String token = http == httpA ? tokenA : tokenB;
        String pem =
            call(http, token, "get-publickey", "{\"key_id\":\"" + k[0] + "\"}")
                .path("public_key")
                .asText();
        assertThat(MessageDigest.isEqual(Keys.spki(pem), expected)).as(k[1]).isTrue();
      }
    }
  }

  @Test
  void signatures_madeByTheServer_verifyWithThePemsPublicKey() throws Exception {
    byte[] message = "signed on server A".getBytes(UTF_8);
    KeyPair rsa = TestKeyPairs.get("rsa2048");
    for (String alg : new String[] {"RSASSA_PKCS1_V1_5_SHA_256", "RSASSA_PSS_SHA_256"}) {
      byte[] sig = sign(RSA_SIGN, alg, "RAW", message);
      assertThat(ClientCrypto.jcaVerify(alg, rsa.getPublic(), message, sig)).as(alg).isTrue();
    }
    byte[] ecSig = sign(EC, "ECDSA_SHA_256", "RAW", message);
    assertThat(
            ClientCrypto.jcaVerify(
                "ECDSA_SHA_256", TestKeyPairs.get("p256").getPublic(), message, ecSig))
        .isTrue();
    ECPublicKeyParameters sm2 =
        Keys.bcEc(TestKeyPairs.pem("PUBLIC KEY", TestKeyPairs.get("sm2").getPublic().getEncoded()));
    byte[] sm2Sig = sign(SM2, "SM2DSA_SM3", "DIGEST", ClientCrypto.sm2Digest(sm2, message));
    assertThat(ClientCrypto.sm2Verify(sm2, message, sm2Sig)).isTrue();
  }

  @Test
  void asymmetricCiphertexts_madeWithThePemsPublicKey_decryptOnTheServer() throws Exception {
    byte[] plain = "for the seeded key".getBytes(UTF_8);
    byte[] oaep =
        ClientCrypto.oaepEncrypt(
            ClientCrypto.OAEP_256, TestKeyPairs.get("rsa3072").getPublic(), plain);
    assertThat(((RSAPublicKey) TestKeyPairs.get("rsa3072").getPublic()).getModulus().bitLength())
        .isEqualTo(3072);
    assertThat(decrypt(httpB, tokenB, RSA_ENC, ClientCrypto.OAEP_256, oaep)).isEqualTo(plain);
    ECPublicKeyParameters sm2 =
        Keys.bcEc(
            TestKeyPairs.pem("PUBLIC KEY", TestKeyPairs.get("sm2-enc").getPublic().getEncoded()));
    byte[] sm2Cipher = ClientCrypto.sm2Encrypt(sm2, plain);
    assertThat(decrypt(httpA, tokenA, SM2_ENC, ClientCrypto.SM2, sm2Cipher)).isEqualTo(plain);
  }

  @Test
  void describeKey_showsTheDeclaredFields() {
    JsonNode info =
        call(httpA, tokenA, "describe-key", "{\"key_id\":\"" + SM2_ENC + "\"}").path("key_info");
    assertThat(info.path("key_alias").asText()).isEqualTo("demo-sm2-enc");
    assertThat(info.path("key_spec").asText()).isEqualTo("SM2");
    assertThat(info.path("key_usage").asText()).isEqualTo("ENCRYPT_DECRYPT");
    assertThat(info.path("key_description").asText()).isEqualTo("SM2 for encryption");
    assertThat(info.path("key_state").asText()).isEqualTo("2");
    assertThat(info.path("origin").asText()).isEqualTo("kms");
  }

  static byte[] sign(String keyId, String alg, String type, byte[] message) {
    JsonNode r =
        call(
            httpA,
            tokenA,
            "sign",
            "{\"key_id\":\"%s\",\"signing_algorithm\":\"%s\",\"message_type\":\"%s\",\"message\":\"%s\"}"
                .formatted(keyId, alg, type, b64(message)));
    return Base64.getDecoder().decode(r.path("signature").asText());
  }

  static byte[] decrypt(Http http, String token, String keyId, String alg, byte[] cipher) {
    JsonNode r =
        call(
            http,
            token,
            "decrypt-data",
            "{\"key_id\":\"%s\",\"encryption_algorithm\":\"%s\",\"cipher_text\":\"%s\"}"
                .formatted(keyId, alg, b64(cipher)));
    return Base64.getDecoder().decode(r.path("plain_text_base64").asText());
  }
}
