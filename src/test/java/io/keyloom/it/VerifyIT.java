package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.hash;
import static io.keyloom.it.ClientCrypto.jcaVerify;
import static io.keyloom.it.ClientCrypto.sm2Digest;
import static io.keyloom.it.ClientCrypto.sm2Verify;
import static io.keyloom.it.Keys.sign;
import static io.keyloom.it.Keys.verify;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code verify} through the official SDK for every algorithm {@code sign} supports. What verify
 * answers is held against independent verifiers (JCA, Bouncy Castle's SM2Signer) with the public
 * key from get-publickey, for genuine, re-encoded and tampered signatures. A signature that does
 * not verify is a 200 with {@code signature_valid: "false"}. Refusals are in {@link
 * VerifyErrorsIT}.
 */
class VerifyIT extends ServerIT {
  static KmsClient alice;
  static final Map<String, String> KEYS = new HashMap<>();

  @BeforeAll
  static void signingKeys() {
    alice = Sdk.alice(server);
    for (String spec : List.of("RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2")) {
      KEYS.put(spec, Keys.create(alice, spec, "SIGN_VERIFY"));
    }
  }

  static Stream<Arguments> algorithmsAndMessageTypes() {
    return SignIT.algorithmsAndMessageTypes();
  }

  static PublicKey jca(String spec) {
    return Keys.jca(
        spec.startsWith("RSA") ? "RSA" : "EC", Keys.publicKeyPem(alice, KEYS.get(spec)));
  }

  static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 0x01;
    return copy;
  }

  @ParameterizedTest(name = "{1} on {0}, message_type {2}")
  @MethodSource("algorithmsAndMessageTypes")
  void verify_agreesWithJca_onGenuineTamperedAndMisdirectedSignatures(
      String spec, String alg, String type) throws GeneralSecurityException {
    String key = KEYS.get(spec);
    byte[] message = ("verified with " + alg + " as " + type).getBytes(UTF_8);
    byte[] payload = type.equals("RAW") ? message : hash(alg, message);
    byte[] signature = sign(alice, key, alg, type, payload);
    PublicKey pub = jca(spec);
    assertThat(jcaVerify(alg, pub, message, signature)).as("JCA, genuine").isTrue();

    assertThat(verify(alice, key, alg, type, payload, signature)).isEqualTo("true");

    byte[] tampered = flip(signature, signature.length / 2);
    assertThat(jcaVerify(alg, pub, message, tampered)).as("JCA, tampered").isFalse();
    assertThat(verify(alice, key, alg, type, payload, tampered)).isEqualTo("false");
    byte[] other =
        type.equals("RAW") ? "other".getBytes(UTF_8) : hash(alg, "other".getBytes(UTF_8));
    assertThat(verify(alice, key, alg, type, other, signature)).isEqualTo("false");
  }

  @Test
  void rawAndDigestForms_verifyEachOthersSignatures() {
    byte[] message = "RAW is hashed first, so it equals DIGEST of the hash".getBytes(UTF_8);
    for (String[] c :
        new String[][] {{"RSA_2048", "RSASSA_PSS_SHA_384"}, {"EC_P384", "ECDSA_SHA_512"}}) {
      String key = KEYS.get(c[0]);
      byte[] digest = hash(c[1], message);
      byte[] fromRaw = sign(alice, key, c[1], "RAW", message);
      byte[] fromDigest = sign(alice, key, c[1], "DIGEST", digest);
      assertThat(verify(alice, key, c[1], "DIGEST", digest, fromRaw)).isEqualTo("true");
      assertThat(verify(alice, key, c[1], "RAW", message, fromDigest)).isEqualTo("true");
      assertThat(verify(alice, key, c[1], null, digest, fromRaw))
          .as("default is DIGEST")
          .isEqualTo("true");
    }
  }

  @Test
  void sm2_verifiesSignaturesThatBouncyCastleAccepts_andRejectsTamperedOnes() {
    String key = KEYS.get("SM2");
    ECPublicKeyParameters pub = Keys.bcEc(Keys.publicKeyPem(alice, key));
    byte[] message = "SM2 signs SM3(Z_A || M)".getBytes(UTF_8);
    byte[] e = sm2Digest(pub, message);
    byte[] signature = sign(alice, key, "SM2DSA_SM3", "DIGEST", e);
    assertThat(sm2Verify(pub, message, signature)).as("Bouncy Castle SM2Signer").isTrue();

    assertThat(verify(alice, key, "SM2DSA_SM3", "DIGEST", e, signature)).isEqualTo("true");

    byte[] tampered = flip(signature, signature.length - 1);
    assertThat(sm2Verify(pub, message, tampered)).isFalse();
    assertThat(verify(alice, key, "SM2DSA_SM3", "DIGEST", e, tampered)).isEqualTo("false");
    byte[] withoutZa = hash("SM2DSA_SM3", message);
    assertThat(verify(alice, key, "SM2DSA_SM3", "DIGEST", withoutZa, signature))
        .as("SM3(M) without Z_A is another digest")
        .isEqualTo("false");
  }

  @Test
  void ecdsa_acceptsTheOtherValidEncodingOfASignature_asJcaDoes()
      throws GeneralSecurityException, IOException {
    // (r, n - s) is a second valid ECDSA signature of the same digest (FIPS 186-5 does not
    // require low s); it is built here, not by Keyloom.
    String key = KEYS.get("EC_P256");
    byte[] message = "malleable".getBytes(UTF_8);
    byte[] digest = hash("ECDSA_SHA_256", message);
    byte[] signature = sign(alice, key, "ECDSA_SHA_256", "DIGEST", digest);
    BigInteger n = ECNamedCurveTable.getByName("secp256r1").getN();
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
    byte[] mirrored = StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(rs[1]));
    assertThat(mirrored).isNotEqualTo(signature);
    assertThat(jcaVerify("ECDSA_SHA_256", jca("EC_P256"), message, mirrored)).isTrue();

    assertThat(verify(alice, key, "ECDSA_SHA_256", "DIGEST", digest, mirrored)).isEqualTo("true");
  }

  @Test
  void signatureOfAnotherKey_isFalse() {
    String other = Keys.create(alice, "EC_P256", null);
    byte[] digest = hash("ECDSA_SHA_256", "m".getBytes(UTF_8));
    byte[] signature = sign(alice, other, "ECDSA_SHA_256", "DIGEST", digest);
    assertThat(verify(alice, KEYS.get("EC_P256"), "ECDSA_SHA_256", "DIGEST", digest, signature))
        .isEqualTo("false");
  }

  @Test
  void malformedSignatures_areFalseNotErrors() {
    byte[] digest = new byte[32];
    String rsa = KEYS.get("RSA_2048");
    byte[] allOnes = new byte[256];
    Arrays.fill(allOnes, (byte) 0xff); // k bytes, but not below the modulus
    for (String alg : List.of("RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_256")) {
      for (byte[] bad :
          List.of(new byte[1], new byte[255], new byte[257], allOnes, new byte[256])) {
        assertThat(verify(alice, rsa, alg, "DIGEST", digest, bad)).as(alg).isEqualTo("false");
      }
    }
    for (String[] c : new String[][] {{"EC_P256", "ECDSA_SHA_256"}, {"SM2", "SM2DSA_SM3"}}) {
      for (byte[] bad : List.of(new byte[1], new byte[70], "not DER".getBytes(UTF_8))) {
        assertThat(verify(alice, KEYS.get(c[0]), c[1], "DIGEST", digest, bad)).isEqualTo("false");
      }
    }
  }

  @Test
  void signatureValid_isAJsonString() {
    byte[] digest = new byte[32];
    String key = KEYS.get("EC_P256");
    String good = ClientCrypto.b64(sign(alice, key, "ECDSA_SHA_256", "DIGEST", digest));
    for (String signature : List.of(good, ClientCrypto.b64(new byte[64]))) {
      Http.Response r =
          call(
              "verify",
              """
              {"key_id":"%s","message":"%s","signature":"%s","signing_algorithm":"ECDSA_SHA_256"}"""
                  .formatted(key, ClientCrypto.b64(digest), signature));
      assertThat(r.status()).as(r.text()).isEqualTo(200);
      assertThat(r.json().get("signature_valid").isTextual()).isTrue();
      assertThat(r.json().get("signature_valid").asText())
          .isEqualTo(signature.equals(good) ? "true" : "false");
    }
  }
}
