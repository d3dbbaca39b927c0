package io.keyloom.http;

import io.keyloom.auth.Authenticator;
import io.keyloom.auth.Caller;
import io.keyloom.auth.sig.SignedRequest;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Authenticates a request as its route demands, from the Vert.x request's raw line and headers. */
final class CallerAuth {
  private final Authenticator authenticator;

  CallerAuth(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** The caller, or null on routes without authentication; throws on bad credentials. */
  Caller authenticate(RoutingContext ctx, Route.Auth auth, byte[] body) {
    if (auth == Route.Auth.NONE) {
      return null;
    }
    if (auth == Route.Auth.EMULATOR) {
      if (ctx.request().getHeader("Origin") != null) {
        throw new KmsException(ErrorCode.BROWSER_REFUSED);
      }
      return null;
    }
    HttpServerRequest r = ctx.request();
    SignedRequest request = new SignedRequest(r.method().name(), r.uri(), header(r), body);
    return switch (auth) {
      case PROJECT -> authenticator.authenticate(request, projectId(ctx));
      case USER -> authenticator.user(request, true);
      case LONG_TERM_USER -> authenticator.user(request, false);
      case NONE, EMULATOR -> throw new IllegalStateException("unreachable");
    };
  }

  private static String projectId(RoutingContext ctx) {
    String projectId = ctx.pathParam("project_id");
    if ("{project_id}".equals(projectId)) {
      // The SDK sends its URL template unfilled when a client has neither a project id nor a
      // region.
      throw new KmsException(
          ErrorCode.INVALID_URL,
          "The URL has no project id: set BasicCredentials.withProjectId(...) or build the client"
              + " withRegion(...).");
    }
    return projectId;
  }

  /**
   * Header lookup for signature checks. HTTP/2 (over TLS; cleartext h2c is off, see {@link
   * ConnectionGuard}) carries the host in the {@code :authority} pseudo-header instead of {@code
   * Host}.
   */
  private static Function<String, String> header(HttpServerRequest r) {
    return name -> {
      String value = r.getHeader(name);
      if (value != null || !"host".equalsIgnoreCase(name) || r.authority() == null) {
        return value;
      }
      HostAndPort authority = r.authority();
      return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    };
  }
}
