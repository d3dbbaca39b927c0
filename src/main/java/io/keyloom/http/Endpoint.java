package io.keyloom.http;

import io.keyloom.auth.Caller;
import java.util.Map;

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
   * @param path the path parameters by name (URL-decoded), {@code project_id} included
   * @param query the first value of each query parameter by name (URL-decoded)
   * @param requestId the request's id ({@code X-Request-Id}), for the caller the services see
   */
  record Request(
      Caller caller,
      byte[] body,
      String origin,
      String clientAddress,
      Map<String, String> path,
      Map<String, String> query,
      String requestId) {
    /** Copies the maps: an endpoint never sees a live view of the server's request. */
    public Request {
      path = Map.copyOf(path);
      query = Map.copyOf(query);
    }

    /** A request without an id (route tests). */
    public Request(
        Caller caller,
        byte[] body,
        String origin,
        String clientAddress,
        Map<String, String> path,
        Map<String, String> query) {
      this(caller, body, origin, clientAddress, path, query, null);
    }
  }

  /**
   * A response: status, JSON body, extra headers. A 204 has no body: {@link #body} is ignored and
   * no Content-Type is sent.
   */
  record Reply(int status, Object body, Map<String, String> headers) {
    /** 200 with {@code body}; null is sent as {@code {}}. */
    static Reply ok(Object body) {
      return new Reply(200, body, Map.of());
    }

    /** 201 Created with {@code body}. */
    static Reply created(Object body) {
      return new Reply(201, body, Map.of());
    }

    /** 204 No Content. */
    static Reply noContent() {
      return new Reply(204, null, Map.of());
    }
  }
}
