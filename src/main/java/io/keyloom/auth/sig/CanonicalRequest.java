package io.keyloom.auth.sig;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds the SDK's canonical request (sdk-auth-protocol.md §3) from the raw request-target, never
 * from a decoded or normalised path, so that {@code //}, dot segments and the wire encoding reach
 * the signature check unchanged.
 */
final class CanonicalRequest {
  private CanonicalRequest() {}

  /** Builds the string to sign: {@code token \n date \n hex(hash(canonicalRequest))}. */
  static byte[] stringToSign(SignedRequest request, AuthorizationHeader auth, String sdkDate)
      throws SignatureException {
    SigningAlgorithm alg = auth.algorithm();
    String canonical = build(request, auth);
    String digest = HexFormat.of().formatHex(alg.hash(canonical.getBytes(StandardCharsets.UTF_8)));
    return (alg.token() + "\n" + sdkDate + "\n" + digest).getBytes(StandardCharsets.UTF_8);
  }

  /** Builds the canonical request; throws MALFORMED for a bad target or an absent signed header. */
  static String build(SignedRequest request, AuthorizationHeader auth) throws SignatureException {
    String target = request.rawUri();
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? "" : target.substring(q + 1);
    return request.method()
        + "\n"
        + canonicalUri(path)
        + "\n"
        + canonicalQuery(query)
        + "\n"
        + canonicalHeaders(request, auth.signedHeaders())
        + "\n"
        + auth.signedHeadersLine()
        + "\n"
        + payloadHash(request, auth);
  }

  /**
   * Splits with {@link String#split} semantics (trailing empty segments dropped, leading and inner
   * ones kept), canonicalises each segment and appends {@code /} after each, exactly like the SDK.
   */
  static String canonicalUri(String rawPath) throws SignatureException {
    if (!rawPath.startsWith("/")) {
      throw new SignatureException(Reason.MALFORMED, "request-target must be in origin form");
    }
    if (rawPath.equals("/")) {
      return "/";
    }
    StringBuilder sb = new StringBuilder(rawPath.length() + 8);
    for (String segment : rawPath.split("/")) {
      sb.append(PercentCodec.canonicalize(segment)).append('/');
    }
    return sb.toString();
  }

  /**
   * Decodes and re-encodes every {@code k=v} pair, sorts by encoded key with {@link
   * String#compareTo} and keeps the original order of a repeated key's values.
   */
  static String canonicalQuery(String rawQuery) throws SignatureException {
    Map<String, List<String>> sorted = new TreeMap<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = PercentCodec.canonicalize(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : PercentCodec.canonicalize(pair.substring(eq + 1));
      sorted.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    List<String> out = new ArrayList<>();
    sorted.forEach((key, values) -> values.forEach(v -> out.add(key + "=" + v)));
    return String.join("&", out);
  }

  private static String canonicalHeaders(SignedRequest request, List<String> names)
      throws SignatureException {
    StringBuilder sb = new StringBuilder();
    for (String name : names) {
      String value = request.header().apply(name);
      if (value == null) {
        throw new SignatureException(
            Reason.MALFORMED, "a header listed in SignedHeaders is absent");
      }
      sb.append(name).append(':').append(value).append('\n');
    }
    return sb.toString();
  }

  /**
   * The hash of the bytes received. A declared content-hash header ({@code X-Sdk-Content-Sha256} or
   * {@code X-Sdk-Content-Sm3}) is accepted only when SignedHeaders lists it and it equals that
   * hash: otherwise a captured request could be replayed with any body (and {@code
   * UNSIGNED-PAYLOAD}, which the SDK never sends for KMS, would switch body integrity off).
   */
  private static String payloadHash(SignedRequest request, AuthorizationHeader auth)
      throws SignatureException {
    SigningAlgorithm alg = auth.algorithm();
    String computed = HexFormat.of().formatHex(alg.hash(request.body()));
    String declared = request.header().apply(alg.contentHashHeader());
    if (declared == null) {
      return computed;
    }
    String name = alg.contentHashHeader().toLowerCase(Locale.ROOT);
    if (!auth.signedHeaders().contains(name) || !declared.equalsIgnoreCase(computed)) {
      throw new SignatureException(
          Reason.PAYLOAD_HASH,
          alg.contentHashHeader() + " must be signed and equal the hash of the body");
    }
    return declared;
  }
}
