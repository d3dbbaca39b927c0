package io.keyloom.auth;

import io.keyloom.crypto.AesGcm;
import io.keyloom.crypto.ServiceKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Issues temporary AK/SK credentials and opens their security tokens, without server-side state.
 *
 * <p>The security token is {@code KLS2.<kid>.<base64url(AEAD(claims))>}: AES-256-GCM under the
 * security-token key the kid names (random keys stored wrapped under the root key, rotating:
 * docs/root-of-trust.md), with the kid and the temporary AK as associated data. The claims hold the
 * owner (user and domain), the expiry and the temporary SK itself, so any node can verify a request
 * signed with a temporary credential without a database round trip, and a token opens only together
 * with the AK it was issued for. Like X-Auth-Token values, temporary credentials cannot be revoked
 * before they expire (at most 24 hours).
 */
public final class SecurityTokens {
  /** The shortest and longest lifetime IAM allows: 15 minutes and 24 hours. */
  public static final Duration MIN_LIFETIME = Duration.ofMinutes(15);

  public static final Duration MAX_LIFETIME = Duration.ofHours(24);
  private static final String PREFIX = "KLS2.";
  private static final Pattern SHAPE =
      Pattern.compile("^KLS2\\.[a-z0-9-]{1,64}\\.[A-Za-z0-9_-]{40,1024}$");
  private static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");
  private final ServiceKeys keys;
  private final SecureRandom random;
  private final Clock clock;

  /** Tokens sealed with AES-256-GCM under {@code keys}, which must be used for nothing else. */
  public SecurityTokens(ServiceKeys keys, SecureRandom random, Clock clock) {
    this.keys = keys;
    this.random = random;
    this.clock = clock;
  }

  /** The owner and secret of a temporary credential, as sealed into its token. */
  record Claims(String userId, String domainId, Instant expiresAt, byte[] secret) {
    @Override
    public String toString() {
      return "Claims[userId=" + userId + ", expiresAt=" + expiresAt + ", secret=REDACTED]";
    }
  }

  /**
   * Issues a fresh credential for a user, valid for {@code lifetime} from now.
   *
   * @throws IamException 400 when the lifetime is outside 15 minutes to 24 hours
   */
  public TemporaryCredential issue(String userId, String domainId, Duration lifetime) {
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw IamException.badRequest(
          "duration_seconds must be between "
              + MIN_LIFETIME.toSeconds()
              + " and "
              + MAX_LIFETIME.toSeconds()
              + ".");
    }
    String access = Secrets.accessKey(random);
    String secret = Secrets.secretKey(random);
    Instant expiresAt = clock.instant().plus(lifetime);
    byte[] claims =
        String.join("|", "1", userId, domainId, Long.toString(expiresAt.getEpochSecond()), secret)
            .getBytes(StandardCharsets.UTF_8);
    try {
      ServiceKeys.Key key = keys.current();
      byte[] sealed = AesGcm.create(key.bytes()).encrypt(claims, aad(key.kid(), access));
      String token =
          PREFIX + key.kid() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
      return new TemporaryCredential(access, secret, token, expiresAt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal a security token", e);
    } finally {
      Arrays.fill(claims, (byte) 0);
    }
  }

  /**
   * Opens a security token presented with {@code accessKey}. Empty if the token is malformed,
   * forged, or was issued for another AK; expiry is for the caller to check.
   */
  Optional<Claims> open(String accessKey, String token) {
    if (token == null || !SHAPE.matcher(token).matches()) {
      return Optional.empty();
    }
    byte[] claims = null;
    int dot = token.indexOf('.', PREFIX.length());
    Optional<ServiceKeys.Key> key = keys.find(token.substring(PREFIX.length(), dot));
    if (key.isEmpty()) {
      return Optional.empty(); // an unknown or retired key
    }
    try {
      byte[] sealed = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      claims = AesGcm.create(key.get().bytes()).decrypt(sealed, aad(key.get().kid(), accessKey));
      return parse(claims);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    } finally {
      if (claims != null) {
        Arrays.fill(claims, (byte) 0);
      }
    }
  }

  private static Optional<Claims> parse(byte[] claims) {
    String[] f = new String(claims, StandardCharsets.UTF_8).split("\\|", -1);
    if (f.length != 5 || !"1".equals(f[0]) || !ID.matcher(f[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new Claims(
            f[1],
            f[2],
            Instant.ofEpochSecond(Long.parseLong(f[3])),
            f[4].getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] aad(String kid, String accessKey) {
    return ("security-token/v2:" + kid + ":" + accessKey).getBytes(StandardCharsets.UTF_8);
  }
}
