package io.keyloom.auth;

import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies Keyloom's opaque X-Auth-Token values.
 *
 * <p>A token is {@code KL2.<kid>.<base64url claims>.<base64url HMAC-SHA256>}, the MAC over
 * everything before its dot, keyed by the signing key the kid names: random keys stored wrapped
 * under the root key, shared by every node through the database, rotating (docs/root-of-trust.md),
 * so every node verifies tokens without a database round trip. Tokens of versions before kids
 * ({@code KL1.}) are malformed now. Tokens cannot be revoked before they expire; keep the lifetime
 * short.
 */
public final class TokenCodec {
  private static final String PREFIX = "KL2.";
  private static final Pattern SHAPE =
      Pattern.compile("^KL2\\.[a-z0-9-]{1,64}\\.[A-Za-z0-9_-]{1,2048}\\.[A-Za-z0-9_-]{43}$");
  private static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");

  /** The longest lifetime a token may claim, Huawei IAM's 24 hours. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  /** How far in the future a token may claim to have been issued: clocks of nodes differ. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  private final ServiceKeys keys;
  private final Clock clock;

  /** A codec that signs with {@code keys}' current key and verifies with the key a token names. */
  public TokenCodec(ServiceKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** A codec with one 32-byte signing key named {@code kid}; for tests and tools. */
  public TokenCodec(String kid, byte[] signingKey, Clock clock) {
    this(ServiceKeys.fixed(kid, SecretBytes.copyOf(signingKey)), clock);
  }

  /** Encodes and signs claims. */
  public String issue(TokenClaims claims) {
    String body =
        String.join(
            "|",
            "1",
            claims.userId(),
            claims.domainId(),
            claims.projectId() == null ? "" : claims.projectId(),
            Long.toString(claims.issuedAt().toEpochMilli()),
            Long.toString(claims.expiresAt().toEpochMilli()));
    ServiceKeys.Key key = keys.current();
    String signed = PREFIX + key.kid() + "." + b64(body.getBytes(StandardCharsets.UTF_8));
    return signed + "." + b64(mac(key, signed));
  }

  /**
   * Verifies a token's shape, signature, claims and expiry. A validly signed token whose claims no
   * issuer of ours would make (issued beyond the clock skew in the future, a lifetime over 24 hours
   * or not positive) is refused as invalid: it means a leaked signing key or a broken clock.
   *
   * @throws KmsException 403 KMS.0301 when malformed, KMS.0302 when forged, altered or with
   *     impossible claims, KMS.0303 when expired
   */
  public TokenClaims verify(String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      throw new KmsException(ErrorCode.TOKEN_MISSING);
    }
    TokenClaims claims = parse(signedPayload(token));
    Instant now = clock.instant();
    Duration lifetime = Duration.between(claims.issuedAt(), claims.expiresAt());
    if (claims.issuedAt().isAfter(now.plus(MAX_CLOCK_SKEW))
        || lifetime.isNegative()
        || lifetime.isZero()
        || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
    if (!now.isBefore(claims.expiresAt())) {
      throw new KmsException(ErrorCode.TOKEN_EXPIRED);
    }
    return claims;
  }

  /** The claims part of a well-shaped token whose signature verifies under the key it names. */
  private String signedPayload(String token) {
    int dot = token.lastIndexOf('.');
    int kidEnd = token.indexOf('.', PREFIX.length());
    ServiceKeys.Key key =
        keys.find(token.substring(PREFIX.length(), kidEnd))
            .orElseThrow(() -> new KmsException(ErrorCode.TOKEN_INVALID)); // unknown or retired
    // Compare the encoded text, not decoded bytes: the last base64 character of a 32-byte MAC has
    // two unused bits, so a decoded comparison would accept four spellings of one signature.
    byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    byte[] expected = b64(mac(key, token.substring(0, dot))).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(signature, expected)) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
    return token.substring(kidEnd + 1, dot);
  }

  private static TokenClaims parse(String payload) {
    String[] f =
        new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
    if (f.length != 6 || !"1".equals(f[0]) || !ID.matcher(f[1]).matches()) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
    try {
      return new TokenClaims(
          f[1],
          f[2],
          f[3].isEmpty() ? null : f[3],
          Instant.ofEpochMilli(Long.parseLong(f[4])),
          Instant.ofEpochMilli(Long.parseLong(f[5])));
    } catch (NumberFormatException e) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
  }

  private static byte[] mac(ServiceKeys.Key key, String signed) {
    byte[] raw = key.bytes().toByteArray();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
