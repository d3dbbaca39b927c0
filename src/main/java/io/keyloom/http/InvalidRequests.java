package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests that no route can serve because their framing, request line or headers are
 * broken, with the same error JSON and {@code X-Request-Id} as every other error (docs/errors.md).
 * Vert.x and Netty would otherwise answer with an empty body, a stack trace in the log, or not at
 * all. Nothing from the request is ever logged or echoed: these are client faults, worth at most a
 * debug line.
 */
final class InvalidRequests {
  static final String REQUEST_ID = "X-Request-Id";
  private static final Logger LOG = LoggerFactory.getLogger(InvalidRequests.class);

  /** RFC 9110 Host: a reg-name or IPv4 address, or an IPv6 literal, and an optional port. */
  private static final Pattern HOST =
      Pattern.compile(
          "^(?:[A-Za-z0-9._~!$&'()*+,;=%-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::\\d{0,5})?$");

  private InvalidRequests() {}

  /**
   * The request handler in front of the router: gives the request its id, then refuses a missing or
   * malformed Host, a malformed target (bad percent escapes, bytes outside visible ASCII) before
   * the router could trip over them. (An unsupported {@code Expect} is refused by Vert.x's body
   * handler with 417, which {@link ErrorMapper#clientFault} renders.)
   */
  static Handler<HttpServerRequest> guard(
      Handler<HttpServerRequest> router, RequestMetrics metrics) {
    return request -> {
      request.response().putHeader(REQUEST_ID, HttpApi.newRequestId());
      ErrorCode refusal = refusal(request);
      if (refusal == null) {
        router.handle(request);
      } else {
        LOG.debug("refused a request before routing: {}", refusal.code());
        metrics.invalid().start(request.response());
        Responses.send(request.response(), refusal.status(), ErrorMapper.body(refusal));
      }
    };
  }

  /**
   * The handler for requests the HTTP/1.x codec could not decode (request line, headers, version):
   * a 414, 431 or 400 in error JSON, then the connection is closed, since its framing is lost.
   */
  static void codecFailure(HttpServerRequest request, RequestMetrics metrics) {
    Throwable cause = request.decoderResult().cause();
    ErrorCode code =
        cause instanceof TooLongHttpLineException
            ? ErrorCode.URI_TOO_LONG
            : cause instanceof TooLongHttpHeaderException
                ? ErrorCode.HEADERS_TOO_LARGE
                : ErrorCode.INVALID_REQUEST_FORMAT;
    LOG.debug("refused a request the HTTP codec could not decode: {}", code.code());
    request
        .response()
        .putHeader(REQUEST_ID, HttpApi.newRequestId())
        .putHeader("Connection", "close");
    metrics.invalid().start(request.response());
    Responses.send(request.response(), code.status(), ErrorMapper.body(code))
        .onComplete(done -> request.connection().close());
  }

  /** Connection-level failures (resets, TLS noise, broken framing): one line, no stack trace. */
  static void connectionFailed(Throwable failure) {
    LOG.debug("connection failed: {}", failure.getClass().getSimpleName());
  }

  private static ErrorCode refusal(HttpServerRequest request) {
    if (request.version() != HttpVersion.HTTP_2) {
      List<String> hosts = request.headers().getAll("Host");
      if (hosts.size() != 1 || !HOST.matcher(hosts.get(0)).matches()) {
        return ErrorCode.INVALID_REQUEST_FORMAT;
      }
    }
    if (!wellFormedTarget(request.uri())) {
      return ErrorCode.INVALID_URL;
    }
    return null;
  }

  /**
   * Origin-form ({@code /path?query}) or absolute-form, visible ASCII only, every {@code %}
   * followed by two hex digits: what Vert.x's path normaliser and query decoder accept without
   * throwing.
   */
  static boolean wellFormedTarget(String uri) {
    if (uri == null || !(uri.startsWith("/") || uri.matches("(?i)^https?://.*"))) {
      return false;
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        return false;
      }
      if (c == '%'
          && (i + 2 >= uri.length() || !isHex(uri.charAt(i + 1)) || !isHex(uri.charAt(i + 2)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
