package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wycheproof RSA-OAEP decryption and RSA/ECDSA signature verification vectors. */
class WycheproofAsymmetricTest {
  @Test
  void oaepSha256_wycheproofVectors_allPass() throws Exception {
    assertThat(
            runOaep(
                "rsa_oaep_2048_sha256_mgf1sha256_test.json",
                EncryptionAlgorithm.RSAES_OAEP_SHA_256))
        .isEmpty();
  }

  @Test
  void oaepSha1_wycheproofVectors_allPass() throws Exception {
    assertThat(
            runOaep("rsa_oaep_2048_sha1_mgf1sha1_test.json", EncryptionAlgorithm.RSAES_OAEP_SHA_1))
        .isEmpty();
  }

  @Test
  void ecdsaP256Sha256_wycheproofVectors_allPass() {
    assertThat(runVerify("ecdsa_secp256r1_sha256_test.json", SigningAlgorithm.ECDSA_SHA_256))
        .isEmpty();
  }

  @Test
  void rsaPkcs1Sha256_wycheproofVectors_allPass() {
    assertThat(
            runVerify(
                "rsa_signature_2048_sha256_test.json", SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256))
        .isEmpty();
  }

  @Test
  void rsaPssSha256_wycheproofVectors_allPass() {
    assertThat(
            runVerify("rsa_pss_2048_sha256_mgf1_32_test.json", SigningAlgorithm.RSASSA_PSS_SHA_256))
        .isEmpty();
  }

  private static List<String> runOaep(String file, EncryptionAlgorithm alg)
      throws GeneralSecurityException {
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (JsonNode group : WycheproofVectors.load(file).get("testGroups")) {
      SecretBytes pkcs8 = SecretBytes.copyOf(WycheproofVectors.hex(group, "privateKeyPkcs8"));
      AsymmetricCmk cmk = AsymmetricCmk.create(KeySpec.RSA_2048, pkcs8);
      for (JsonNode test : group.get("tests")) {
        // Only the empty label is used by the Huawei API; acceptable cases may go either way.
        if (!test.get("label").asText().isEmpty() || WycheproofVectors.isAcceptable(test)) {
          continue;
        }
        run++;
        byte[] msg = WycheproofVectors.hex(test, "msg");
        boolean ok;
        try {
          ok = Arrays.equals(cmk.decrypt(alg, WycheproofVectors.hex(test, "ct")), msg);
        } catch (GeneralSecurityException e) {
          ok = false;
        }
        if (ok != WycheproofVectors.isValid(test)) {
          failures.add(WycheproofVectors.id(test));
        }
      }
    }
    assertThat(run).as("cases run").isGreaterThan(10);
    return failures;
  }

  /** Checks each vector in RAW mode and, with the hash precomputed, in DIGEST mode. */
  private static List<String> runVerify(String file, SigningAlgorithm alg) {
    List<String> failures = new ArrayList<>();
    int run = 0;
    for (JsonNode group : WycheproofVectors.load(file).get("testGroups")) {
      byte[] spki = WycheproofVectors.hex(group, "publicKeyDer");
      for (JsonNode test : group.get("tests")) {
        if (WycheproofVectors.isAcceptable(test)) {
          continue;
        }
        run++;
        byte[] msg = WycheproofVectors.hex(test, "msg");
        byte[] sig = WycheproofVectors.hex(test, "sig");
        boolean expected = WycheproofVectors.isValid(test);
        if (verify(alg, spki, msg, false, sig) != expected
            || verify(alg, spki, alg.hash().hash(msg), true, sig) != expected) {
          failures.add(WycheproofVectors.id(test));
        }
      }
    }
    assertThat(run).as("cases run").isGreaterThan(50);
    return failures;
  }

  private static boolean verify(
      SigningAlgorithm alg, byte[] spki, byte[] msg, boolean isDigest, byte[] sig) {
    try {
      return Signatures.verifySpki(alg, spki, msg, isDigest, sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
