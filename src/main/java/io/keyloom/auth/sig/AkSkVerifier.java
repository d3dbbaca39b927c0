package io.keyloom.auth.sig;

import io.keyloom.auth.sig.SignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Objects;

/**
 * Verifies the Huawei Cloud SDK's AK/SK request signatures ({@code SDK-HMAC-SHA256}, {@code
 * SDK-HMAC-SM3}, {@code SDK-ECDSA-P256-SHA256}, {@code SDK-SM2-SM3}) as described in
 * sdk-auth-protocol.md.
 *
 * <p>Checks run in a fixed order: Authorization shape, {@code X-Sdk-Date} format and clock skew,
 * canonical request, access key, expiry, security token, signature. Every failure is a {@link
 * SignatureException} whose message is safe to return to the client. There is deliberately no
 * replay cache: the SDK produces identical signatures for identical requests within one second.
 * Thread-safe if the {@link SecretLookup} is.
 */
public final class AkSkVerifier {
  private static final DateTimeFormatter SDK_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  private static final String SECURITY_TOKEN_REQUIRED =
      "a valid, signed X-Security-Token is required";
  private final SecretLookup lookup;
  private final Clock clock;
  private final Clock signingClock;
  private final Duration maxSkew;

  /**
   * Creates a verifier that finds secrets with {@code lookup} and accepts an {@code X-Sdk-Date}
   * within {@code maxSkew} (inclusive, 15 minutes in production) of {@code clock}.
   */
  public AkSkVerifier(SecretLookup lookup, Clock clock, Duration maxSkew) {
    this(lookup, clock, clock, maxSkew);
  }

  /**
   * As above, but compares {@code X-Sdk-Date} with {@code signingClock} while temporary credentials
   * expire by {@code clock}: an emulator whose clock was moved forward keeps accepting clients that
   * sign with the real time (docs/emulator.md).
   */
  public AkSkVerifier(SecretLookup lookup, Clock clock, Clock signingClock, Duration maxSkew) {
    this.lookup = Objects.requireNonNull(lookup, "lookup");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signingClock = Objects.requireNonNull(signingClock, "signingClock");
    this.maxSkew = Objects.requireNonNull(maxSkew, "maxSkew");
    if (maxSkew.isNegative()) {
      throw new IllegalArgumentException("maxSkew must not be negative");
    }
  }

  /**
   * Returns the verified access key id, or throws SignatureException with a reason safe to show to
   * the client.
   */
  public String verify(SignedRequest request) throws SignatureException {
    Objects.requireNonNull(request, "request");
    AuthorizationHeader auth = AuthorizationHeader.parse(request.header().apply("Authorization"));
    String sdkDate = checkDate(request.header().apply("X-Sdk-Date"));
    if (request.header().apply("Host") == null) {
      throw new SignatureException(Reason.MISSING, "missing Host header");
    }
    byte[] stringToSign = CanonicalRequest.stringToSign(request, auth, sdkDate);
    String securityToken = request.header().apply("X-Security-Token");
    AccessSecret secret =
        lookup
            .find(auth.accessKeyId(), securityToken)
            .filter(s -> s.accessKeyId().equals(auth.accessKeyId()))
            .orElseThrow(
                () ->
                    securityToken == null
                        ? new SignatureException(Reason.UNKNOWN_ACCESS_KEY, "unknown access key")
                        : new SignatureException(Reason.SECURITY_TOKEN, SECURITY_TOKEN_REQUIRED));
    checkExpiry(secret);
    checkSecurityToken(secret, request, auth);
    checkSignature(secret, auth, stringToSign);
    return secret.accessKeyId();
  }

  private String checkDate(String sdkDate) throws SignatureException {
    if (sdkDate == null) {
      throw new SignatureException(Reason.MISSING, "missing X-Sdk-Date header");
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(sdkDate, SDK_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new SignatureException(
          Reason.MALFORMED, "X-Sdk-Date must have the form yyyyMMdd'T'HHmmss'Z'");
    }
    Duration skew = Duration.between(signedAt, signingClock.instant()).abs();
    if (skew.compareTo(maxSkew) > 0) {
      throw new SignatureException(
          Reason.CLOCK_SKEW,
          "X-Sdk-Date differs from server time by more than " + describe(maxSkew));
    }
    return sdkDate;
  }

  private void checkExpiry(AccessSecret secret) throws SignatureException {
    if (secret.expiresAt() != null && !clock.instant().isBefore(secret.expiresAt())) {
      throw new SignatureException(
          Reason.EXPIRED_CREDENTIAL, "the temporary credential has expired");
    }
  }

  private static void checkSecurityToken(
      AccessSecret secret, SignedRequest request, AuthorizationHeader auth)
      throws SignatureException {
    if (secret.securityToken() == null) {
      return;
    }
    String presented = request.header().apply("X-Security-Token");
    boolean ok =
        presented != null
            && auth.signedHeaders().contains("x-security-token")
            && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8),
                secret.securityToken().getBytes(StandardCharsets.UTF_8));
    if (!ok) {
      throw new SignatureException(Reason.SECURITY_TOKEN, SECURITY_TOKEN_REQUIRED);
    }
  }

  private static void checkSignature(
      AccessSecret secret, AuthorizationHeader auth, byte[] stringToSign)
      throws SignatureException {
    byte[] sk = secret.secret();
    try {
      byte[] ak = secret.accessKeyId().getBytes(StandardCharsets.UTF_8);
      if (!auth.algorithm().verify(ak, sk, stringToSign, auth.signature())) {
        throw new SignatureException(Reason.BAD_SIGNATURE, "verify aksk signature fail");
      }
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  private static String describe(Duration window) {
    long seconds = window.toSeconds();
    return seconds % 60 == 0 ? (seconds / 60) + " minutes" : seconds + " seconds";
  }
}
