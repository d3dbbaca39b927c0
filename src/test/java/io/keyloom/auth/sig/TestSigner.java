package io.keyloom.auth.sig;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs hand-built requests with SDK-HMAC-SHA256 using this package's canonicalisation, for tests
 * about headers, dates and credentials; interoperability itself is proven by the SDK tests.
 */
final class TestSigner {
  private TestSigner() {}

  /** Typical SDK headers for a POST at {@code date}. */
  static Map<String, String> headers(String date) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Host", "127.0.0.1:18080");
    h.put("User-Agent", "huaweicloud-usdk-java/3.0");
    h.put("X-Project-Id", Wire.PROJECT);
    h.put("X-Sdk-Date", date);
    return h;
  }

  /**
   * Adds an HMAC-SHA256 Authorization header over {@code signedHeaders} and returns the request.
   */
  static SignedRequest sign(
      String uri, Map<String, String> headers, String signedHeaders, String ak, String sk) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Authorization", authorization(ak, signedHeaders, "00"));
    try {
      SignedRequest unsigned = Wire.request("POST", uri, h, "{}");
      AuthorizationHeader auth = AuthorizationHeader.parse(h.get("Authorization"));
      String date = unsigned.header().apply("X-Sdk-Date");
      byte[] sts = CanonicalRequest.stringToSign(unsigned, auth, date);
      byte[] mac = SigningAlgorithm.HMAC_SHA256.hmac(sk.getBytes(StandardCharsets.UTF_8), sts);
      h.put("Authorization", authorization(ak, signedHeaders, HexFormat.of().formatHex(mac)));
    } catch (SignatureException e) {
      throw new AssertionError("test request cannot be signed: " + e.getMessage(), e);
    }
    return Wire.request("POST", uri, h, "{}");
  }

  /** Signs a POST to a fixed KMS path with the example credential. */
  static SignedRequest sign(Map<String, String> headers, String signedHeaders) {
    return sign(
        "/v1.0/" + Wire.PROJECT + "/kms/encrypt-data", headers, signedHeaders, Wire.AK, Wire.SK);
  }

  static String authorization(String ak, String signedHeaders, String signature) {
    return "SDK-HMAC-SHA256 Access="
        + ak
        + ", SignedHeaders="
        + signedHeaders
        + ", Signature="
        + signature;
  }
}
