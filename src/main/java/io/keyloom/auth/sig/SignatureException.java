package io.keyloom.auth.sig;

import java.util.Objects;

/**
 * A request failed AK/SK signature verification. The message is safe to show to the client: it
 * never contains secrets, tokens, signatures or computed values.
 */
public final class SignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why verification failed; the HTTP layer maps every reason to 401 {@code APIGW.0301}. */
  public enum Reason {
    /** A required header ({@code Authorization}, {@code X-Sdk-Date} or {@code Host}) is absent. */
    MISSING,
    /** The Authorization header, a signed header, the date or the request-target is malformed. */
    MALFORMED,
    /** The access key id is not known. */
    UNKNOWN_ACCESS_KEY,
    /** The temporary credential has passed its expiry time. */
    EXPIRED_CREDENTIAL,
    /** {@code X-Sdk-Date} lies outside the allowed window around the server clock. */
    CLOCK_SKEW,
    /**
     * A content-hash header was sent that is not signed or does not match the body received, or
     * declares {@code UNSIGNED-PAYLOAD}.
     */
    PAYLOAD_HASH,
    /** The signature does not match the request. */
    BAD_SIGNATURE,
    /** A temporary credential was used without its matching, signed {@code X-Security-Token}. */
    SECURITY_TOKEN
  }

  private final Reason reason;

  /**
   * Creates an exception for {@code reason} with a client-safe {@code message}; callers must only
   * pass fixed text or values the client itself sent.
   */
  public SignatureException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why verification failed. */
  public Reason reason() {
    return reason;
  }
}
