package io.keyloom.auth;

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
 * <p>A token is {@code KL1.<base64url claims>.<base64url HMAC-SHA256(claims)>}, keyed by a key
 * derived from the root key, so every node that holds the root key verifies tokens without a
 * database round trip. Tokens cannot be revoked before they expire; keep the lifetime short.
 */
public final class TokenCodec {
  private static final String PREFIX = "KL1.";
  private static final Pattern SHAPE =
      Pattern.compile("^KL1\\.[A-Za-z0-9_-]{1,2048}\\.[A-Za-z0-9_-]{43}$");
  private static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");

  /** The longest lifetime a token may claim, Huawei IAM's 24 hours. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(24);

  /** How far in the future a token may claim to have been issued: clocks of nodes differ. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

  private final SecretKeySpec key;
  private final Clock clock;

  /** A codec with a 32-byte signing key. */
  public TokenCodec(byte[] signingKey, Clock clock) {
    this.key = new SecretKeySpec(signingKey, "HmacSHA256");
    this.clock = clock;
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
    String payload = b64(body.getBytes(StandardCharsets.UTF_8));
    return PREFIX + payload + "." + b64(mac(payload));
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
    int dot = token.lastIndexOf('.');
    String payload = token.substring(PREFIX.length(), dot);
    // Compare the encoded text, not decoded bytes: the last base64 character of a 32-byte MAC has
    // two unused bits, so a decoded comparison would accept four spellings of one signature.
    byte[] signature = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(signature, b64(mac(payload)).getBytes(StandardCharsets.US_ASCII))) {
      throw new KmsException(ErrorCode.TOKEN_INVALID);
    }
    TokenClaims claims = parse(payload);
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

  private byte[] mac(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
