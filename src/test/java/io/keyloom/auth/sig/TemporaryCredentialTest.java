package io.keyloom.auth.sig;

import static io.keyloom.auth.sig.Assertions.assertReason;
import static io.keyloom.auth.sig.Wire.AK;
import static io.keyloom.auth.sig.Wire.NOW;
import static io.keyloom.auth.sig.Wire.SK;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Temporary (STS) credentials: X-Security-Token and expiry. */
class TemporaryCredentialTest {
  private static final String TOKEN = "STS-TOKEN-EXAMPLE";
  private static final String SIGNED = "host;user-agent;x-project-id;x-sdk-date";
  private static final String SIGNED_STS = SIGNED + ";x-security-token";

  private static AccessSecret sts(Instant expiresAt) {
    return new AccessSecret(AK, SK.getBytes(StandardCharsets.UTF_8), expiresAt, TOKEN);
  }

  private static SignedRequest withToken(String token, String signedHeaders) {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    if (token != null) {
      h.put("X-Security-Token", token);
    }
    return TestSigner.sign(h, signedHeaders);
  }

  @Test
  void verify_withSignedMatchingToken_succeeds() throws SignatureException {
    AkSkVerifier verifier = Wire.verifier(sts(NOW.plusSeconds(1)), NOW);
    assertThat(verifier.verify(withToken(TOKEN, SIGNED_STS))).isEqualTo(AK);
  }

  @Test
  void verify_withoutToken_failsSecurityToken() {
    AkSkVerifier verifier = Wire.verifier(sts(NOW.plusSeconds(60)), NOW);
    assertReason(verifier, withToken(null, SIGNED), Reason.SECURITY_TOKEN);
  }

  @Test
  void verify_withWrongToken_failsSecurityToken() {
    AkSkVerifier verifier = Wire.verifier(sts(NOW.plusSeconds(60)), NOW);
    assertReason(verifier, withToken(TOKEN + "x", SIGNED_STS), Reason.SECURITY_TOKEN);
    assertReason(verifier, withToken("STS-TOKEN-EXAMPLF", SIGNED_STS), Reason.SECURITY_TOKEN);
  }

  @Test
  void verify_withUnsignedToken_failsSecurityToken() {
    AkSkVerifier verifier = Wire.verifier(sts(NOW.plusSeconds(60)), NOW);
    assertReason(verifier, withToken(TOKEN, SIGNED), Reason.SECURITY_TOKEN);
  }

  @Test
  void verify_withExpiredTemporaryCredential_failsExpired() {
    assertReason(
        Wire.verifier(sts(NOW), NOW), withToken(TOKEN, SIGNED_STS), Reason.EXPIRED_CREDENTIAL);
    AkSkVerifier later = Wire.verifier(sts(NOW.minusSeconds(1)), NOW);
    assertReason(later, withToken(TOKEN, SIGNED_STS), Reason.EXPIRED_CREDENTIAL);
  }

  @Test
  void verify_withExpiredCredentialAndNoToken_reportsExpiryFirst() {
    assertReason(Wire.verifier(sts(NOW), NOW), withToken(null, SIGNED), Reason.EXPIRED_CREDENTIAL);
  }

  @Test
  void verify_permanentKeyWithExpiry_failsOnceExpired() {
    AccessSecret expiring =
        new AccessSecret(AK, SK.getBytes(StandardCharsets.UTF_8), NOW.minusSeconds(1), null);
    assertReason(Wire.verifier(expiring, NOW), withToken(null, SIGNED), Reason.EXPIRED_CREDENTIAL);
  }

  @Test
  void verify_withTokenSignedButBadSignature_failsBadSignature() {
    AkSkVerifier verifier = Wire.verifier(sts(NOW.plusSeconds(60)), NOW);
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("X-Security-Token", TOKEN);
    SignedRequest request =
        TestSigner.sign(
            "/v1.0/" + Wire.PROJECT + "/kms/encrypt-data", h, SIGNED_STS, AK, SK + "wrong");
    assertReason(verifier, request, Reason.BAD_SIGNATURE);
  }
}
