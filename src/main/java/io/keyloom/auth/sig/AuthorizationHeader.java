package io.keyloom.auth.sig;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization: SDK-... Access=AK, SignedHeaders=a;b, Signature=hex} header.
 *
 * @param algorithm the signing algorithm named by the first token
 * @param accessKeyId the {@code Access} value
 * @param signedHeadersLine the {@code SignedHeaders} value verbatim, as it enters the canonical
 *     request
 * @param signedHeaders the same list split on {@code ;}, in the client's order
 * @param signature the hex-decoded {@code Signature} value
 */
record AuthorizationHeader(
    SigningAlgorithm algorithm,
    String accessKeyId,
    String signedHeadersLine,
    List<String> signedHeaders,
    byte[] signature) {

  /** The regex of sdk-auth-protocol.md §2. */
  private static final Pattern SHAPE =
      Pattern.compile(
          "^(SDK-[A-Z0-9-]+) Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-fA-F]+)$");

  /** A lower-case HTTP token (RFC 9110 tchar without upper-case letters). */
  private static final Pattern HEADER_NAME = Pattern.compile("[a-z0-9!#$%&'*+.^_`|~-]+");

  /** Longest signature accepted: a DER ECDSA/SM2 signature is at most 72 bytes. */
  private static final int MAX_SIGNATURE_HEX = 256;

  AuthorizationHeader {
    signedHeaders = List.copyOf(signedHeaders);
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** Parses {@code value}; throws MISSING if it is null and MALFORMED if it has the wrong shape. */
  static AuthorizationHeader parse(String value) throws SignatureException {
    if (value == null) {
      throw new SignatureException(Reason.MISSING, "missing Authorization header");
    }
    Matcher m = SHAPE.matcher(value);
    if (!m.matches()) {
      throw malformed("Authorization header does not have the SDK signature format");
    }
    SigningAlgorithm algorithm =
        SigningAlgorithm.byToken(m.group(1))
            .orElseThrow(() -> malformed("unsupported signing algorithm"));
    String hex = m.group(4);
    if (hex.length() % 2 != 0 || hex.length() > MAX_SIGNATURE_HEX) {
      throw malformed("Signature must be an even number of hex digits");
    }
    List<String> names = splitSignedHeaders(m.group(3));
    return new AuthorizationHeader(
        algorithm, m.group(2), m.group(3), names, HexFormat.of().parseHex(hex));
  }

  private static List<String> splitSignedHeaders(String line) throws SignatureException {
    // -1 keeps trailing empty names so that "host;" is refused rather than silently accepted.
    List<String> names = List.of(line.split(";", -1));
    for (String name : names) {
      if (!HEADER_NAME.matcher(name).matches()) {
        throw malformed("SignedHeaders must be lower-case header names separated by ';'");
      }
    }
    if (!names.contains("host") || !names.contains("x-sdk-date")) {
      throw malformed("SignedHeaders must include host and x-sdk-date");
    }
    return names;
  }

  private static SignatureException malformed(String message) {
    return new SignatureException(Reason.MALFORMED, message);
  }
}
