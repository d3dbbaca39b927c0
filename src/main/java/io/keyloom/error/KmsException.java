package io.keyloom.error;

/**
 * The one exception type that becomes an API error response.
 *
 * <p>The message is shown to the client, so it must never contain key material, plaintext, secrets
 * or tokens; it may name the offending parameter.
 */
public final class KmsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient ErrorCode error;

  /** An error with the code's default message. */
  public KmsException(ErrorCode error) {
    this(error, error.message());
  }

  /** An error with a more specific client-safe message. */
  public KmsException(ErrorCode error, String clientMessage) {
    super(clientMessage, null, false, false);
    this.error = error;
  }

  /** An error caused by an internal failure; the cause is logged, never sent. */
  public KmsException(ErrorCode error, Throwable cause) {
    super(error.message(), cause, false, false);
    this.error = error;
  }

  /** The code table entry. */
  public ErrorCode error() {
    return error;
  }

  /** Shorthand for an invalid named parameter ({@code KMS.0308 Invalid <name>.}). */
  public static KmsException invalid(String parameter) {
    return new KmsException(ErrorCode.INVALID_PARAMETER, "Invalid " + parameter + ".");
  }

  /** Shorthand for a missing required parameter. */
  public static KmsException missing(String parameter) {
    return new KmsException(
        ErrorCode.MISSING_PARAMETER, "Missing required parameter: " + parameter + ".");
  }
}
