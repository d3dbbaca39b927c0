package io.keyloom.auth.sig;

import static io.keyloom.auth.sig.Assertions.assertReason;
import static io.keyloom.auth.sig.Wire.AK;
import static io.keyloom.auth.sig.Wire.NOW;
import static io.keyloom.auth.sig.Wire.SK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates, required headers, Authorization syntax and credential state. */
class AkSkVerifierTest {
  private static final String SIGNED = "host;user-agent;x-project-id;x-sdk-date";
  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** SHA-256 of the body {@code {}} that {@link TestSigner} signs. */
  private static final String EMPTY_OBJECT_SHA256 =
      "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

  private final AkSkVerifier verifier = Wire.verifier();

  private static SignedRequest signedAt(Instant date) {
    return TestSigner.sign(TestSigner.headers(SDK_DATE.format(date)), SIGNED);
  }

  @ParameterizedTest
  @ValueSource(longs = {-900, -1, 0, 1, 900})
  void verify_withDateInsideFifteenMinutes_succeeds(long offsetSeconds) throws SignatureException {
    assertThat(verifier.verify(signedAt(NOW.plusSeconds(offsetSeconds)))).isEqualTo(AK);
  }

  @ParameterizedTest
  @ValueSource(longs = {-901, 901, -86_400, 86_400})
  void verify_withDateOutsideFifteenMinutes_failsWithClockSkew(long offsetSeconds) {
    assertReason(verifier, signedAt(NOW.plusSeconds(offsetSeconds)), Reason.CLOCK_SKEW);
  }

  @Test
  void clockSkewMessage_namesTheAllowedWindow() {
    assertThatThrownBy(() -> verifier.verify(signedAt(NOW.plusSeconds(901))))
        .hasMessage("X-Sdk-Date differs from server time by more than 15 minutes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-01-01T00:00:00Z",
        "20240101T000000",
        "20241301T000000Z",
        "20240230T000000Z",
        "20240101T240000Z",
        "20240101t000000z",
        " 20240101T000000Z",
        "٢٠٢٤0101T000000Z",
        ""
      })
  void verify_withMalformedDate_failsMalformed(String date) {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("X-Sdk-Date", date);
    SignedRequest request =
        Wire.request("POST", "/v1.0/p/kms/x", withAuth(h, SIGNED, "00"), new byte[0]);
    assertReason(verifier, request, Reason.MALFORMED);
  }

  @Test
  void verify_identicalRequestTwice_succeedsBothTimes() throws SignatureException {
    SignedRequest request = signedAt(NOW);
    assertThat(verifier.verify(request)).isEqualTo(AK);
    assertThat(verifier.verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_withUpperCaseSignatureHex_succeeds() throws SignatureException {
    SignedRequest ok = signedAt(NOW);
    String auth = ok.header().apply("Authorization");
    int at = auth.indexOf("Signature=") + "Signature=".length();
    String upper = auth.substring(0, at) + auth.substring(at).toUpperCase(java.util.Locale.ROOT);
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("Authorization", upper);
    SignedRequest request = Wire.request("POST", ok.rawUri(), h, "{}");
    assertThat(verifier.verify(request)).isEqualTo(AK);
  }

  @Test
  void verify_withSignedUnsignedPayloadMarker_failsPayloadHash() throws SignatureException {
    // Signed exactly as a client that opts out of body integrity would: the marker stands in the
    // header line and the payload line of the canonical request.
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("X-Sdk-Content-Sha256", EMPTY_OBJECT_SHA256);
    String signedHeaders = SIGNED + ";x-sdk-content-sha256";
    SignedRequest honest = TestSigner.sign(h, signedHeaders);
    String canonical =
        CanonicalRequest.build(
                honest,
                AuthorizationHeader.parse(TestSigner.authorization(AK, signedHeaders, "00")))
            .replace(EMPTY_OBJECT_SHA256, "UNSIGNED-PAYLOAD");
    byte[] digest = SigningAlgorithm.HMAC_SHA256.hash(canonical.getBytes(StandardCharsets.UTF_8));
    String sts = "SDK-HMAC-SHA256\n" + Wire.DATE + "\n" + HexFormat.of().formatHex(digest);
    byte[] mac =
        SigningAlgorithm.HMAC_SHA256.hmac(
            SK.getBytes(StandardCharsets.UTF_8), sts.getBytes(StandardCharsets.UTF_8));
    h.put("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
    h.put(
        "Authorization",
        TestSigner.authorization(AK, signedHeaders, HexFormat.of().formatHex(mac)));
    SignedRequest marked = Wire.request("POST", honest.rawUri(), h, "{}");

    assertReason(verifier, marked, Reason.PAYLOAD_HASH);
    assertReason(verifier, withBody(marked, new byte[] {1, 2}), Reason.PAYLOAD_HASH);
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void verify_withSignedContentHashOfTheBody_succeeds(boolean upperCase) throws SignatureException {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put(
        "X-Sdk-Content-Sha256",
        upperCase ? EMPTY_OBJECT_SHA256.toUpperCase(java.util.Locale.ROOT) : EMPTY_OBJECT_SHA256);
    SignedRequest signed = TestSigner.sign(h, SIGNED + ";x-sdk-content-sha256");
    assertThat(verifier.verify(signed)).isEqualTo(AK);
    assertReason(
        verifier, withBody(signed, "{ }".getBytes(StandardCharsets.UTF_8)), Reason.PAYLOAD_HASH);
  }

  @Test
  void verify_withSwappedBodyAndUnsignedHashOfTheOriginal_failsPayloadHash()
      throws SignatureException {
    SignedRequest signed = TestSigner.sign(TestSigner.headers(Wire.DATE), SIGNED);
    assertThat(verifier.verify(signed)).isEqualTo(AK);
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("Authorization", signed.header().apply("Authorization"));
    h.put("X-Sdk-Content-Sha256", EMPTY_OBJECT_SHA256);
    byte[] other = "{\"key_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertReason(verifier, Wire.request("POST", signed.rawUri(), h, other), Reason.PAYLOAD_HASH);
    assertReason(verifier, withBody(signed, other), Reason.BAD_SIGNATURE);
  }

  private static SignedRequest withBody(SignedRequest r, byte[] body) {
    return new SignedRequest(r.method(), r.rawUri(), r.header(), body);
  }

  @Test
  void verify_withoutAuthorization_failsMissing() {
    SignedRequest request =
        Wire.request("POST", "/v1.0/p/kms/x", TestSigner.headers(Wire.DATE), new byte[0]);
    assertReason(verifier, request, Reason.MISSING);
  }

  @Test
  void verify_withoutSdkDate_failsMissing() {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.remove("X-Sdk-Date");
    assertReason(
        verifier, Wire.request("POST", "/x", withAuth(h, SIGNED, "00"), "{}"), Reason.MISSING);
  }

  @Test
  void verify_withoutHost_failsMissing() {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.remove("Host");
    assertReason(
        verifier, Wire.request("POST", "/x", withAuth(h, SIGNED, "00"), "{}"), Reason.MISSING);
  }

  @Test
  void verify_withListedHeaderAbsent_failsMalformed() {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.remove("X-Project-Id");
    assertReason(
        verifier, Wire.request("POST", "/x", withAuth(h, SIGNED, "00"), "{}"), Reason.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user-agent;x-sdk-date",
        "host;user-agent",
        "Host;x-sdk-date",
        "host;;x-sdk-date",
        "host;x-sdk-date;",
        "host x-sdk-date",
        "host;x-sdk-date;x:y"
      })
  void verify_withBadSignedHeadersList_failsMalformed(String signedHeaders) {
    Map<String, String> h = withAuth(TestSigner.headers(Wire.DATE), signedHeaders, "abcd");
    assertReason(verifier, Wire.request("POST", "/x", h, "{}"), Reason.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SDK-HMAC-SHA256",
        "Bearer abc",
        "sdk-hmac-sha256 Access=a, SignedHeaders=host;x-sdk-date, Signature=00",
        "SDK-HMAC-SHA256 Access=a,SignedHeaders=host;x-sdk-date,Signature=00",
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host;x-sdk-date, Signature=abc",
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host;x-sdk-date, Signature=zz",
        "SDK-HMAC-SHA1 Access=a, SignedHeaders=host;x-sdk-date, Signature=00",
        "SDK-HMAC-SHA256 Access=a, SignedHeaders=host;x-sdk-date, Signature=00 ",
        "V11-HMAC-SHA256 Credential=a/20240101/cn-north-4/kms, SignedHeaders=host;x-sdk-date, Signature=00"
      })
  void verify_withMalformedAuthorization_failsMalformed(String authorization) {
    Map<String, String> h = TestSigner.headers(Wire.DATE);
    h.put("Authorization", authorization);
    assertReason(verifier, Wire.request("POST", "/x", h, "{}"), Reason.MALFORMED);
  }

  @Test
  void verify_withOverlongSignature_failsMalformed() {
    Map<String, String> h = withAuth(TestSigner.headers(Wire.DATE), SIGNED, "ab".repeat(129));
    assertReason(verifier, Wire.request("POST", "/x", h, "{}"), Reason.MALFORMED);
  }

  @Test
  void verify_whenLookupReturnsAnotherKey_failsUnknownAccessKey() {
    AccessSecret other = new AccessSecret("OTHER", SK.getBytes(StandardCharsets.UTF_8), null, null);
    AkSkVerifier confused =
        new AkSkVerifier(
            (ak, token) -> java.util.Optional.of(other),
            java.time.Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(15));
    assertReason(confused, signedAt(NOW), Reason.UNKNOWN_ACCESS_KEY);
  }

  static Map<String, String> withAuth(Map<String, String> h, String signedHeaders, String sig) {
    h.put("Authorization", TestSigner.authorization(AK, signedHeaders, sig));
    return h;
  }
}
