package io.keyloom.auth.sig;

import static io.keyloom.auth.sig.Assertions.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fuzzing and redaction: every failure is a SignatureException and no secret leaks. */
class RobustnessTest {
  private static final String SIGNED = "host;user-agent;x-project-id;x-sdk-date";
  private static final String PIECES = "%zZ9aF/ ?&=;,+é\u0000\uD800SDK-HMAC-SHA256 Access=, ";
  private final AkSkVerifier verifier = Wire.verifier();

  private static String garbage(Random rnd, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = rnd.nextInt(max); i > 0; i--) {
      sb.append(
          rnd.nextInt(4) == 0
              ? (char) rnd.nextInt(0x3000)
              : PIECES.charAt(rnd.nextInt(PIECES.length())));
    }
    return sb.toString();
  }

  private void expectOnlySignatureException(SignedRequest request) {
    try {
      verifier.verify(request);
      fail("garbage was accepted: " + request);
    } catch (SignatureException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).doesNotContain(Wire.SK);
    } catch (RuntimeException e) {
      throw new AssertionError("unchecked exception for " + request, e);
    }
  }

  @Test
  void verify_withRandomGarbageAuthorization_onlyThrowsSignatureException() {
    Random rnd = new Random(1);
    SignedRequest valid = TestSigner.sign(TestSigner.headers(Wire.DATE), SIGNED);
    String good = valid.header().apply("Authorization");
    for (int i = 0; i < 3000; i++) {
      Map<String, String> h = TestSigner.headers(Wire.DATE);
      String auth =
          i % 2 == 0
              ? garbage(rnd, 120)
              : good.substring(0, rnd.nextInt(good.length())) + garbage(rnd, 8);
      h.put("Authorization", auth);
      expectOnlySignatureException(Wire.request("POST", valid.rawUri(), h, "{}"));
    }
  }

  @Test
  void verify_withRandomGarbageUris_onlyThrowsSignatureException() {
    Random rnd = new Random(2);
    SignedRequest valid = TestSigner.sign(TestSigner.headers(Wire.DATE), SIGNED);
    for (int i = 0; i < 3000; i++) {
      String uri = (rnd.nextBoolean() ? "/" : "") + garbage(rnd, 40);
      expectOnlySignatureException(
          new SignedRequest("POST", uri, valid.header(), new byte[] {'{', '}'}));
    }
  }

  @Test
  void verify_withBadOrNonUtf8Escapes_isRefusedWithoutException() {
    Map<String, String> h =
        AkSkVerifierTest.withAuth(TestSigner.headers(Wire.DATE), SIGNED, "ab".repeat(32));
    for (String uri :
        new String[] {
          "/a%FF%FE", "/%C3", "/%ED%A0%80?k=%C0%AF", "/%zz", "/%", "/a?b=%", "/x?%=1"
        }) {
      expectOnlySignatureException(Wire.request("POST", uri, h, "{}"));
    }
  }

  @Test
  void verify_signedRequestWithNonUtf8Escapes_roundTripsBytes() throws SignatureException {
    SignedRequest request =
        TestSigner.sign(
            "/v1.0/%FF%fe/x?k=%C0%AF", TestSigner.headers(Wire.DATE), SIGNED, Wire.AK, Wire.SK);
    assertThat(verifier.verify(request)).isEqualTo(Wire.AK);
  }

  @Test
  void verify_ecAlgorithmsWithGarbageOrOverlongKey_failBadSignature() {
    String longAk = "ACCESSKEYLONGERTHAN20BYTES";
    AccessSecret longKey =
        new AccessSecret(longAk, Wire.SK.getBytes(StandardCharsets.UTF_8), null, null);
    for (String alg : new String[] {"SDK-ECDSA-P256-SHA256", "SDK-SM2-SM3"}) {
      for (String sig : new String[] {"00", "3006020101020101", "30440220" + "ff".repeat(64)}) {
        Map<String, String> h = TestSigner.headers(Wire.DATE);
        h.put(
            "Authorization",
            alg + " Access=" + longAk + ", SignedHeaders=" + SIGNED + ", Signature=" + sig);
        assertReason(
            Wire.verifier(longKey, Wire.NOW),
            Wire.request("POST", "/x", h, "{}"),
            Reason.BAD_SIGNATURE);
        h.put("Authorization", h.get("Authorization").replace(longAk, Wire.AK));
        assertReason(verifier, Wire.request("POST", "/x", h, "{}"), Reason.BAD_SIGNATURE);
      }
    }
  }

  @Test
  void accessSecret_toString_redactsSecretAndToken() {
    AccessSecret secret =
        new AccessSecret(
            Wire.AK, Wire.SK.getBytes(StandardCharsets.UTF_8), Instant.EPOCH, "STS-TOKEN-XYZ");
    assertThat(secret.toString())
        .contains(Wire.AK)
        .doesNotContain(Wire.SK)
        .doesNotContain("STS-TOKEN-XYZ")
        .contains("REDACTED");
  }

  @Test
  void accessSecret_copiesSecretBytes() {
    byte[] sk = Wire.SK.getBytes(StandardCharsets.UTF_8);
    AccessSecret secret = new AccessSecret(Wire.AK, sk, null, null);
    sk[0] = 'X';
    secret.secret()[1] = 'Y';
    assertThat(new String(secret.secret(), StandardCharsets.UTF_8)).isEqualTo(Wire.SK);
  }

  @Test
  void signedRequest_toString_omitsHeadersAndBody() {
    SignedRequest request = TestSigner.sign(TestSigner.headers(Wire.DATE), SIGNED);
    assertThat(request.toString()).doesNotContain("Signature=").doesNotContain("{}");
  }
}
