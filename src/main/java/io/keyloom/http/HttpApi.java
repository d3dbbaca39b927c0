package io.keyloom.http;

import io.keyloom.audit.AuditLog;
import io.keyloom.auth.Authenticator;
import io.keyloom.auth.Caller;
import io.keyloom.config.ConnectionLimits;
import io.keyloom.config.PortCheck;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.log.LogContext;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;

/**
 * The HTTP face of Keyloom on Vert.x: request ids, body limits, authentication and error rendering
 * around the route table. Endpoints run as plain synchronous code on the bounded executor of their
 * route's {@link Work} class.
 */
public final class HttpApi {
  static final String JSON = "application/json;charset=UTF-8";
  static final String REQUEST_ID = "requestId";
  private static final String SAMPLE = "metricsSample";
  private final Vertx vertx;
  private final CallerAuth auth;
  private final List<Route> routes;
  private final Controls controls;
  private final WorkPools pools = new WorkPools(Runtime.getRuntime().availableProcessors());
  private final Backoff backoff;
  private final AuditTrail audit;
  private final RequestMetrics metrics;

  /** The API over the given services; {@link #start} binds it. */
  public HttpApi(Vertx vertx, Authenticator authenticator, ApiServices services) {
    this(
        vertx,
        authenticator,
        services.throttle(),
        services.emulator().isPresent() ? new Faults() : null,
        faults -> new Routes(services, faults).all(),
        services.audit(),
        services.metrics().map(m -> new RequestMetrics(m.registry())).orElse(RequestMetrics.OFF));
  }

  /** The API over any route table, without metrics (tests serve their own, see RouteHelpersIT). */
  HttpApi(
      Vertx vertx,
      Authenticator authenticator,
      int throttle,
      Faults faults,
      Function<Faults, List<Route>> table,
      AuditLog audit) {
    this(vertx, authenticator, throttle, faults, table, audit, RequestMetrics.OFF);
  }

  /**
   * The API over any route table.
   *
   * @param faults the emulator's injected faults, or null without {@code --emulator}
   * @param table the route table, given the faults its control routes manage
   * @param audit where KMS and IAM requests are audited (docs/audit-log.md)
   * @param metrics the request meters (docs/metrics.md)
   */
  private HttpApi(
      Vertx vertx,
      Authenticator authenticator,
      int throttle,
      Faults faults,
      Function<Faults, List<Route>> table,
      AuditLog audit,
      RequestMetrics metrics) {
    this.vertx = vertx;
    this.auth = new CallerAuth(authenticator);
    this.backoff = new Backoff(vertx);
    this.controls = new Controls(new Throttle(throttle, System::nanoTime), faults);
    this.routes = List.copyOf(table.apply(faults));
    this.audit = new AuditTrail(audit);
    this.metrics = metrics;
  }

  /**
   * Where and how to listen.
   *
   * @param host the address to bind
   * @param port the TCP port; 0 picks a free one
   * @param tls the server's key and certificate for HTTPS; empty serves plain HTTP
   * @param publicUrl the base of links such as the versions' {@code self}; empty derives them from
   *     the Host header or {@code :authority}
   * @param limits timeouts and the connection cap
   */
  public record Listener(
      String host,
      int port,
      Optional<KeyManagerFactory> tls,
      Optional<String> publicUrl,
      ConnectionLimits limits) {}

  /** Binds and starts serving; returns the bound port. */
  public int start(Listener listener) throws InterruptedException {
    HttpServerOptions options =
        listener.tls().map(TlsOptions::https).orElseGet(HttpServerOptions::new);
    ConnectionGuard guard = new ConnectionGuard(listener.limits());
    HttpServer server =
        vertx
            .createHttpServer(guard.configure(options))
            .requestHandler(InvalidRequests.guard(router(listener.publicUrl()), metrics))
            .invalidRequestHandler(r -> InvalidRequests.codecFailure(r, metrics))
            .connectionHandler(
                connection -> {
                  CodecGuard.install(connection);
                  guard.accepted(connection);
                })
            .exceptionHandler(InvalidRequests::connectionFailed);
    try {
      return server
          .listen(listener.port(), listener.host())
          .toCompletionStage()
          .toCompletableFuture()
          .get()
          .actualPort();
    } catch (ExecutionException e) {
      throw PortCheck.cannotListen(listener.host(), listener.port(), e.getCause());
    }
  }

  /** The route table as {@code METHOD /path/{param}} lines, as openapi.json names them. */
  public List<String> routes() {
    return routes.stream().map(r -> r.method().name() + " " + r.template()).toList();
  }

  /** Stops the executors; requests still running finish first (for a few seconds at most). */
  public void close() {
    pools.close();
  }

  private Router router(Optional<String> publicUrl) {
    Router router = Router.router(vertx);
    router.route().handler(this::assignRequestId);
    for (Route route : routes) {
      RequestTimers timers = metrics.route(route);
      router
          .route(HttpMethod.valueOf(route.method().name()), route.path())
          .handler(BodyHandler.create(false).setBodyLimit(route.maxBodyBytes()))
          .handler(ctx -> dispatch(matched(ctx, timers), route, publicUrl))
          .failureHandler(ctx -> Responses.failed(matched(ctx, timers)));
    }
    router.errorHandler(404, ctx -> Responses.sendError(ctx, ErrorCode.PATH_NOT_FOUND));
    router.errorHandler(405, ctx -> Responses.sendError(ctx, ErrorCode.METHOD_NOT_ALLOWED));
    // The router's own refusals (e.g. an authority it cannot parse) and anything that escaped a
    // route: never Vert.x's plain-text default page.
    router.errorHandler(400, ctx -> Responses.sendError(ctx, ErrorCode.INVALID_REQUEST_FORMAT));
    for (int status : new int[] {413, 414, 417, 431, 500}) {
      router.errorHandler(status, Responses::failed);
    }
    return router;
  }

  /** A fresh request id: 32 lowercase hex characters. */
  static String newRequestId() {
    // A correlation id, not a secret: ThreadLocalRandom avoids the shared, synchronized
    // SecureRandom that UUID.randomUUID() would lock on every request.
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return String.format("%016x%016x", r.nextLong(), r.nextLong());
  }

  /**
   * The id {@link InvalidRequests#guard} gave the request, for logs and error bodies; the request's
   * timing starts here, as unmatched until a route matches ({@link #matched}).
   */
  private void assignRequestId(RoutingContext ctx) {
    ctx.put(REQUEST_ID, ctx.response().headers().get(InvalidRequests.REQUEST_ID));
    if (metrics.enabled()) {
      ctx.put(SAMPLE, metrics.unmatched().start(ctx.response()));
    }
    ctx.next();
  }

  /** A route matched (also when its body failed to read): the request is timed as its. */
  private static RoutingContext matched(RoutingContext ctx, RequestTimers timers) {
    RequestTimers.Sample sample = ctx.get(SAMPLE);
    if (sample != null) {
      sample.route(timers);
    }
    return ctx;
  }

  /**
   * Hands the request to its work class's executor; when that is full, answers 429 from the event
   * loop without queueing (held back only for a client that ignores Retry-After, see {@link
   * Backoff}). The worker writes the response itself: Vert.x 4 response methods may be called from
   * any thread, and this saves a hop back to the event loop per request.
   */
  private void dispatch(RoutingContext ctx, Route route, Optional<String> publicUrl) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    Work work = route.work().apply(body);
    try {
      Call call = new Call(route, work != Work.HOT, body);
      pools.submit(work, () -> execute(ctx, call, publicUrl));
    } catch (RejectedExecutionException e) {
      metrics.rejected(work);
      // On the event loop: queued for the audit writer, never waited for.
      Call call = new Call(route, false, body);
      sendFailure(ctx, failed(ctx, call, null, new KmsException(ErrorCode.THROTTLED)));
    }
  }

  /**
   * A request's route and whether it changes state: its audit line is then written to the OS before
   * the response (docs/audit-log.md).
   */
  private record Call(Route route, boolean durable, byte[] body) {}

  /**
   * Authenticates, applies throttle and faults ({@link Controls}), runs the endpoint, audits,
   * answers.
   */
  private void execute(RoutingContext ctx, Call call, Optional<String> publicUrl) {
    LogContext.enter(ctx.get(REQUEST_ID)); // request_id of JSON log lines (docs/logging.md)
    try {
      respond(ctx, call, publicUrl);
    } finally {
      LogContext.leave();
    }
  }

  private void respond(RoutingContext ctx, Call call, Optional<String> publicUrl) {
    long delay = 0;
    Caller caller = null;
    try {
      Route route = call.route();
      byte[] body = call.body();
      caller = auth.authenticate(ctx, route.auth(), body);
      Controls.Verdict verdict = controls.admit(route, caller, ctx.get(REQUEST_ID));
      delay = verdict.delayMillis();
      Endpoint.Reply reply =
          verdict.error() != null
              ? verdict.error()
              : route.handler().handle(VertxRequests.of(ctx, caller, body, publicUrl));
      audit.record(ctx, route, caller, body, reply, call.durable());
      later(delay, () -> Responses.reply(ctx.response(), reply));
    } catch (RuntimeException e) {
      ErrorMapper.Rendered error = failed(ctx, call, caller, e);
      later(delay, () -> sendFailure(ctx, error));
    }
  }

  /** Runs {@code send} now, or after an injected latency on a timer, holding no thread. */
  private void later(long delayMillis, Runnable send) {
    if (delayMillis <= 0) {
      send.run();
    } else {
      vertx.setTimer(delayMillis, t -> send.run());
    }
  }

  /** Renders a failure and audits it. */
  private ErrorMapper.Rendered failed(
      RoutingContext ctx, Call call, Caller caller, RuntimeException failure) {
    ErrorMapper.Rendered error = ErrorMapper.render(failure, ctx.get(REQUEST_ID));
    metrics.failed(failure);
    Endpoint.Reply reply = new Endpoint.Reply(error.status(), error.body(), Map.of());
    audit.record(ctx, call.route(), caller, call.body(), reply, call.durable());
    return error;
  }

  /** Sends a rendered failure; a 429 goes through {@link Backoff}. */
  private void sendFailure(RoutingContext ctx, ErrorMapper.Rendered error) {
    HttpServerResponse response = ctx.response();
    if (error.status() == 429) {
      backoff.refuse(
          response,
          ctx.request().connection(),
          () -> Responses.send(response, error.status(), error.body()));
    } else {
      Responses.send(response, error.status(), error.body());
    }
  }
}
