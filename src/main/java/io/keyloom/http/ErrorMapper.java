package io.keyloom.http;

import io.keyloom.auth.IamException;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.StoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure into a response body and status. KMS errors use the Huawei shape, IAM errors
 * the Keystone shape, 401s and 429s the API gateway's flat shape; a store that cannot serve (disk
 * full, I/O error, busy) is a 503 to retry, logged once by the store when it goes down rather than
 * once per request; anything unexpected is a 500 with a fixed message, its cause logged under the
 * request id and never sent. Client faults are never logged with a stack trace.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  /** A rendered error. */
  record Rendered(int status, Object body) {}

  static Rendered render(Throwable failure, String requestId) {
    if (failure instanceof KmsException e) {
      if (e.error().status() >= 500) {
        LOG.error("request {} failed: {}", requestId, e.error().code(), e.getCause());
      }
      if (e.error().status() == 429 || e.error() == ErrorCode.UNAUTHENTICATED) {
        return gateway(e.error(), e.getMessage(), requestId);
      }
      return kms(e.error(), e.getMessage());
    }
    if (failure instanceof IamException e) {
      return new Rendered(
          e.status(),
          Map.of(
              "error", Map.of("code", e.status(), "message", e.getMessage(), "title", e.title())));
    }
    if (failure instanceof StoreException.Unavailable) {
      return kms(ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.message());
    }
    LOG.error("request {} failed unexpectedly", requestId, failure);
    return kms(ErrorCode.INTERNAL, ErrorCode.INTERNAL.message());
  }

  /**
   * The API gateway's flat body, {@code {"error_code":...,"error_msg":...,"request_id":...}}, for
   * the errors Huawei's gateway (not KMS) answers: throttling and authentication failures. The
   * official Node.js SDK core reads only this shape for them, the Java SDK both.
   */
  static Rendered gateway(ErrorCode code, String message, String requestId) {
    return new Rendered(code.status(), gatewayBody(code.code(), message, requestId));
  }

  /** The gateway's flat body for any code (also injected faults'). */
  static Map<String, Object> gatewayBody(String code, String message, String requestId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("error_msg", message);
    body.put("request_id", requestId);
    return body;
  }

  static Rendered kms(ErrorCode code, String message) {
    return new Rendered(code.status(), body(code, message));
  }

  /** The Huawei KMS error body with the code's default message. */
  static Map<String, Object> body(ErrorCode code) {
    return body(code, code.message());
  }

  private static Map<String, Object> body(ErrorCode code, String message) {
    return body(code.code(), message);
  }

  /** The Huawei KMS error body for any code (also injected faults'). */
  static Map<String, Object> body(String code, String message) {
    return Map.of("error", Map.of("error_code", code, "error_msg", message));
  }

  /**
   * The error for a failure raised by Vert.x while it read the request (status set by a Vert.x
   * handler, a body that broke its framing, a connection closed mid-body), or null when the failure
   * is not the client's doing. Such failures are logged as one debug line, without request data.
   */
  static ErrorCode clientFault(int status, Throwable failure) {
    if (failure instanceof Error || failure instanceof KmsException) {
      return null;
    }
    ErrorCode code =
        switch (status) {
          case 400 -> ErrorCode.INVALID_JSON;
          case 413 -> ErrorCode.BODY_TOO_LARGE;
          case 414 -> ErrorCode.URI_TOO_LONG;
          case 417 -> ErrorCode.EXPECTATION_FAILED;
          case 431 -> ErrorCode.HEADERS_TOO_LARGE;
          default ->
              (status >= 400 && status < 500) || failure != null
                  ? ErrorCode.INVALID_REQUEST_FORMAT
                  : null;
        };
    if (code != null) {
      LOG.debug(
          "refused a request while reading it: {} {}",
          code.code(),
          failure == null ? status : failure.getClass().getSimpleName());
    }
    return code;
  }
}
