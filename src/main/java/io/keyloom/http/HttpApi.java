package io.keyloom.http;

import io.keyloom.auth.Authenticator;
import io.keyloom.auth.Caller;
import io.keyloom.auth.TokenService;
import io.keyloom.auth.sig.SignedRequest;
import io.keyloom.error.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The HTTP face of Keyloom on Vert.x: request ids, body limits, authentication and error rendering
 * around the route table. Endpoints run on worker threads as plain synchronous code.
 */
public final class HttpApi {
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String REQUEST_ID = "requestId";
  private static final Pattern HOST =
      Pattern.compile("^[A-Za-z0-9.-]{1,253}$|^\\[[0-9A-Fa-f:.]{2,45}\\]$");
  private final Vertx vertx;
  private final Authenticator authenticator;
  private final Routes routes;

  /** The API over the given services; {@link #start} binds it. */
  public HttpApi(
      Vertx vertx,
      Authenticator authenticator,
      int maxBodyBytes,
      KmsServices kms,
      TokenService tokens) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.routes = new Routes(maxBodyBytes, kms, new IamEndpoints(tokens));
  }

  /** Binds and starts serving; returns the bound port. */
  public int start(String host, int port) throws InterruptedException {
    HttpServer server = vertx.createHttpServer().requestHandler(router());
    try {
      return server.listen(port, host).toCompletionStage().toCompletableFuture().get().actualPort();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port, e.getCause());
    }
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(HttpApi::assignRequestId);
    for (Route route : routes.all()) {
      router
          .route(route.method(), route.path())
          .handler(BodyHandler.create(false).setBodyLimit(route.maxBodyBytes()))
          .blockingHandler(ctx -> execute(ctx, route), false)
          .failureHandler(HttpApi::failed);
    }
    router.errorHandler(404, ctx -> sendError(ctx, ErrorCode.PATH_NOT_FOUND));
    router.errorHandler(405, ctx -> sendError(ctx, ErrorCode.METHOD_NOT_ALLOWED));
    return router;
  }

  private static void assignRequestId(RoutingContext ctx) {
    // A correlation id, not a secret: ThreadLocalRandom avoids the shared, synchronized
    // SecureRandom that UUID.randomUUID() would lock on every request.
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String id = String.format("%016x%016x", r.nextLong(), r.nextLong());
    ctx.put(REQUEST_ID, id);
    ctx.response().putHeader("X-Request-Id", id);
    ctx.next();
  }

  private void execute(RoutingContext ctx, Route route) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    try {
      Caller caller = route.auth() == Route.Auth.PROJECT ? authenticate(ctx, body) : null;
      Endpoint.Reply reply =
          route.handler().handle(new Endpoint.Request(caller, body, origin(ctx)));
      HttpServerResponse response = ctx.response();
      reply.headers().forEach(response::putHeader);
      send(response, reply.status(), reply.body());
    } catch (RuntimeException e) {
      ErrorMapper.Rendered error = ErrorMapper.render(e, ctx.get(REQUEST_ID));
      send(ctx.response(), error.status(), error.body());
    }
  }

  /**
   * The origin the client used, from the Host header (HTTP/1.1) or {@code :authority} (HTTP/2); a
   * host that is not a plain name or address is not echoed back (links then become relative).
   */
  private static String origin(RoutingContext ctx) {
    HostAndPort authority = ctx.request().authority();
    if (authority == null || !HOST.matcher(authority.host()).matches()) {
      return "";
    }
    String port = authority.port() >= 0 ? ":" + authority.port() : "";
    return ctx.request().scheme() + "://" + authority.host() + port;
  }

  private Caller authenticate(RoutingContext ctx, byte[] body) {
    SignedRequest request =
        new SignedRequest(
            ctx.request().method().name(), ctx.request().uri(), ctx.request()::getHeader, body);
    return authenticator.authenticate(request, ctx.pathParam("project_id"));
  }

  private static void failed(RoutingContext ctx) {
    if (ctx.statusCode() == 413) {
      sendError(ctx, ErrorCode.BODY_TOO_LARGE);
    } else if (ctx.statusCode() == 400) {
      sendError(ctx, ErrorCode.INVALID_JSON);
    } else {
      ErrorMapper.Rendered error =
          ErrorMapper.render(
              ctx.failure() != null ? ctx.failure() : new IllegalStateException("failed"),
              ctx.get(REQUEST_ID));
      send(ctx.response(), error.status(), error.body());
    }
  }

  private static void sendError(RoutingContext ctx, ErrorCode code) {
    ErrorMapper.Rendered error = ErrorMapper.kms(code, code.message());
    send(ctx.response(), error.status(), error.body());
  }

  private static void send(HttpServerResponse response, int status, Object body) {
    if (response.ended()) {
      return;
    }
    response.setStatusCode(status).putHeader("Content-Type", JSON);
    response.end(Buffer.buffer(Json.write(body == null ? Map.of() : body)));
  }
}
