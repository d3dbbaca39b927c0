package io.keyloom.auth;

/**
 * An error of the IAM endpoints ({@code /v3/...}), rendered in the Keystone shape {@code
 * {"error":{"code":401,"message":"...","title":"Unauthorized"}}} rather than the KMS shape.
 */
public final class IamException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String title;

  private IamException(int status, String title, String message) {
    super(message, null, false, false);
    this.status = status;
    this.title = title;
  }

  /** 400: the request body is not a valid token request. */
  public static IamException badRequest() {
    return new IamException(400, "Bad Request", "The request body is invalid");
  }

  /** 400 with a specific reason; the message must not quote request data. */
  public static IamException badRequest(String message) {
    return new IamException(400, "Bad Request", message);
  }

  /** 403: authenticated, but not allowed to do this. */
  public static IamException forbidden(String message) {
    return new IamException(403, "Forbidden", message);
  }

  /** 401: wrong user, password, domain or project. */
  public static IamException unauthorized(String message) {
    return new IamException(401, "Unauthorized", message);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The Keystone title, e.g. "Unauthorized". */
  public String title() {
    return title;
  }
}
