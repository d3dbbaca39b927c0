package io.keyloom.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.regex.Pattern;

/** The origin a client addressed, the base of links when no {@code --public-url} is set. */
final class Origin {
  private static final Pattern HOST =
      Pattern.compile("^[A-Za-z0-9.-]{1,253}$|^\\[[0-9A-Fa-f:.]{2,45}\\]$");

  private Origin() {}

  /**
   * The origin the client used, from the Host header (HTTP/1.1) or {@code :authority} (HTTP/2); a
   * host that is not a plain name or address is not echoed back (links then become relative).
   */
  static String of(HttpServerRequest request) {
    HostAndPort authority = request.authority();
    if (authority == null || !HOST.matcher(authority.host()).matches()) {
      return "";
    }
    String port = authority.port() >= 0 ? ":" + authority.port() : "";
    return request.scheme() + "://" + authority.host() + port;
  }
}
