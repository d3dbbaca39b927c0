package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Writing responses: an endpoint's reply, error JSON, and the router's own refusals. */
final class Responses {
  private Responses() {}

  /** Sends an endpoint's reply: its headers, then its JSON body, or none for a 204. */
  static void reply(HttpServerResponse response, Endpoint.Reply reply) {
    reply.headers().forEach(response::putHeader);
    if (reply.status() == 204) {
      if (!response.ended() && !response.closed()) {
        response.setStatusCode(204).end();
      }
    } else {
      send(response, reply.status(), reply.body());
    }
  }

  /**
   * Failures of the Vert.x handlers in front of an endpoint (body reading, Expect, a connection
   * that closed mid-body): client faults by status, anything else through the mapper.
   */
  static void failed(RoutingContext ctx) {
    if (ctx.response().closed()) {
      return; // the client went away or a deadline closed the connection; nobody to answer
    }
    ErrorCode code = ErrorMapper.clientFault(ctx.statusCode(), ctx.failure());
    if (code != null) {
      sendError(ctx, code);
    } else {
      ErrorMapper.Rendered error =
          ErrorMapper.render(
              ctx.failure() != null ? ctx.failure() : new IllegalStateException("failed"),
              ctx.get(HttpApi.REQUEST_ID));
      send(ctx.response(), error.status(), error.body());
    }
  }

  static void sendError(RoutingContext ctx, ErrorCode code) {
    ErrorMapper.Rendered error = ErrorMapper.kms(code, code.message());
    send(ctx.response(), error.status(), error.body());
  }

  /**
   * Ends the response with a JSON body ({@link PlainText} as text), unless it already ended;
   * completes once written.
   */
  static Future<Void> send(HttpServerResponse response, int status, Object body) {
    if (response.ended() || response.closed()) {
      return Future.succeededFuture();
    }
    if (body instanceof PlainText text) {
      return response.setStatusCode(status).putHeader("Content-Type", text.type()).end(text.text());
    }
    response.setStatusCode(status).putHeader("Content-Type", HttpApi.JSON);
    return response.end(Buffer.buffer(Json.write(body == null ? Map.of() : body)));
  }
}
