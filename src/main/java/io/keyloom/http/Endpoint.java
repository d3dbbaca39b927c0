package io.keyloom.http;

import io.keyloom.auth.Caller;
import java.util.Map;
import java.util.function.Function;

/** The synchronous body of a route: runs on a worker thread, never sees Vert.x types. */
@FunctionalInterface
interface Endpoint {
  /** Handles one request. */
  Reply handle(Request request);

  /**
   * What an endpoint sees of a request.
   *
   * @param caller the authenticated caller, or null on routes without authentication
   * @param body the raw request body, possibly empty
   * @param origin the base of links: {@code --public-url} when configured, else {@code
   *     scheme://host[:port]} as the client addressed the server
   * @param clientAddress the peer's IP address (of the TCP connection; forwarding headers are not
   *     trusted), for per-address limits
   * @param query the first value of a query parameter by name, or null
   */
  record Request(
      Caller caller,
      byte[] body,
      String origin,
      String clientAddress,
      Function<String, String> query) {}

  /** A response: status, JSON body, extra headers. */
  record Reply(int status, Object body, Map<String, String> headers) {
    static Reply ok(Object body) {
      return new Reply(200, body, Map.of());
    }
  }
}
