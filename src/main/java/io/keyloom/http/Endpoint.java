package io.keyloom.http;

import io.keyloom.auth.Caller;

/** The synchronous body of a route: runs on a worker thread, never sees Vert.x types. */
@FunctionalInterface
interface Endpoint {
  /**
   * Handles one request.
   *
   * @param caller the authenticated caller, or null on routes without authentication
   * @param body the raw request body, possibly empty
   * @return the reply to send
   */
  Reply handle(Caller caller, byte[] body);

  /** A response: status, JSON body, extra headers. */
  record Reply(int status, Object body, java.util.Map<String, String> headers) {
    static Reply ok(Object body) {
      return new Reply(200, body, java.util.Map.of());
    }
  }
}
