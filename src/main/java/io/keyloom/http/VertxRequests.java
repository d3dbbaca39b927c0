package io.keyloom.http;

import io.keyloom.auth.Caller;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a Vert.x request into the {@link Endpoint.Request} an endpoint sees. */
final class VertxRequests {
  private VertxRequests() {}

  /** What the endpoint sees: no Vert.x types. */
  static Endpoint.Request of(
      RoutingContext ctx, Caller caller, byte[] body, Optional<String> publicUrl) {
    return new Endpoint.Request(
        caller,
        body,
        // The configured URL wins: a client's Host header never reaches links.
        publicUrl.orElseGet(() -> Origin.of(ctx.request())),
        AuditTrail.clientAddress(ctx),
        ctx.pathParams(),
        query(ctx),
        ctx.get(HttpApi.REQUEST_ID));
  }

  /**
   * The first value of each query parameter. A malformed query never gets here: {@link
   * InvalidRequests} refuses it with 400 {@code KMS.0201} (RouteHelpersIT).
   */
  private static Map<String, String> query(RoutingContext ctx) {
    Map<String, String> query = new HashMap<>();
    ctx.queryParams().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
    return query;
  }
}
