package io.keyloom.http;

import io.keyloom.config.ConnectionLimits;
import io.keyloom.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2RemoteFlowController;
import io.netty.handler.codec.http2.Http2Stream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of one HTTP/2 (ALPN h2) connection. Without a stream in progress the connection is
 * waiting, like an idle HTTP/1 keep-alive: it may be shed at the cap and is closed after the idle
 * timeout, however many PING or SETTINGS frames the client sends, since those make no progress on a
 * request. Each stream's request (head and body) must arrive within the header plus the body
 * timeout of the stream's start, else the stream is answered 408 (or reset, if its answer has
 * begun) and the connection's other streams carry on. A connection whose every stream in progress
 * holds an answer the client's flow-control window blocks, at two idle checks in a row, is closed.
 *
 * <p>Listens on Netty's {@link Http2Connection}, whose events run on the connection's event loop;
 * its {@link Sheddable} lets {@link ConnectionGuard} pick a connection to shed from another loop.
 */
final class Http2Watch extends Http2ConnectionAdapter {
  private final ConnectionLimits limits;
  private final GuardLog log;
  private final Channel channel;
  private final Http2ConnectionHandler handler;
  private final Http2Connection.PropertyKey deadlineKey;
  private final Sheddable slot;
  private int streams; // active streams: request or answer still in progress
  private ScheduledFuture<?> idleCheck;
  private boolean stalledBefore;

  private Http2Watch(
      ConnectionLimits limits, GuardLog log, Channel channel, Http2ConnectionHandler handler) {
    this.limits = limits;
    this.log = log;
    this.channel = channel;
    this.handler = handler;
    this.deadlineKey = handler.connection().newKey();
    // Closing goes through Http2ConnectionHandler: GOAWAY, then close.
    this.slot = new Sheddable(channel::close, channel::close);
  }

  /** What the connection cap sees of this connection. */
  Sheddable slot() {
    return slot;
  }

  /** Watches the HTTP/2 connection on {@code channel}; null if the channel speaks no HTTP/2. */
  static Http2Watch install(ConnectionLimits limits, GuardLog log, Channel channel) {
    Http2ConnectionHandler handler = channel.pipeline().get(Http2ConnectionHandler.class);
    if (handler == null) {
      return null;
    }
    Http2Watch watch = new Http2Watch(limits, log, channel, handler);
    if (channel.eventLoop().inEventLoop()) {
      watch.start();
    } else {
      channel.eventLoop().execute(watch::start);
    }
    return watch;
  }

  private void start() {
    Http2Connection connection = handler.connection();
    connection.addListener(this);
    try {
      // streams opened in the same read as the preface, before Vert.x reported the connection
      connection.forEachActiveStream(
          s -> {
            onStreamActive(s);
            return true;
          });
    } catch (Http2Exception e) {
      throw new IllegalStateException(e); // the visitor above throws nothing
    }
    scheduleIdleCheck(limits.idleTimeout().toMillis());
  }

  @Override
  public void onStreamActive(Http2Stream stream) {
    streams++;
    slot.waiting(false);
    if (requestIncomplete(stream)) {
      stream.setProperty(
          deadlineKey,
          channel
              .eventLoop()
              .schedule(
                  () -> expired(stream),
                  limits.headerTimeout().plus(limits.bodyTimeout()).toMillis(),
                  TimeUnit.MILLISECONDS));
    }
  }

  @Override
  public void onStreamHalfClosed(Http2Stream stream) {
    if (!requestIncomplete(stream)) {
      cancelDeadline(stream);
    }
  }

  @Override
  public void onStreamClosed(Http2Stream stream) {
    cancelDeadline(stream);
    if (--streams == 0) {
      slot.restartWait();
      slot.waiting(true);
      if (idleCheck == null) {
        scheduleIdleCheck(limits.idleTimeout().toMillis());
      }
    }
  }

  private static boolean requestIncomplete(Http2Stream stream) {
    Http2Stream.State state = stream.state();
    return state == Http2Stream.State.OPEN || state == Http2Stream.State.HALF_CLOSED_LOCAL;
  }

  /**
   * One timer per idle period, not per stream: it re-arms itself for the rest of the period when a
   * stream ran meanwhile, and every period while streams are in progress (to find stalled answers),
   * so a busy connection costs no timer churn.
   */
  private void scheduleIdleCheck(long delayMillis) {
    idleCheck = channel.eventLoop().schedule(this::idleCheck, delayMillis, TimeUnit.MILLISECONDS);
  }

  private void idleCheck() {
    idleCheck = null;
    if (streams > 0) {
      // Answers the client will not take (a flow-control window it never opens) for two checks in
      // a row: not waiting for us, so not in progress either.
      boolean stalled = answersStalled();
      if (stalled && stalledBefore) {
        // past Http2ConnectionHandler, whose graceful close would wait for these very streams
        channel.pipeline().context(handler).close();
        return;
      }
      stalledBefore = stalled;
      scheduleIdleCheck(limits.idleTimeout().toMillis());
      return;
    }
    stalledBefore = false;
    long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - slot.waitingSince());
    long left = limits.idleTimeout().toMillis() - idleMillis;
    if (left > 0) {
      scheduleIdleCheck(left);
    } else {
      channel.close();
    }
  }

  /** True if every stream in progress has an answer queued that the client's window blocks. */
  private boolean answersStalled() {
    Http2RemoteFlowController flow = handler.encoder().flowController();
    boolean[] stalled = {true};
    try {
      handler
          .connection()
          .forEachActiveStream(s -> stalled[0] = flow.hasFlowControlled(s) && !flow.isWritable(s));
    } catch (Http2Exception e) {
      throw new IllegalStateException(e); // the visitor above throws nothing
    }
    return stalled[0];
  }

  private void cancelDeadline(Http2Stream stream) {
    ScheduledFuture<?> deadline = stream.removeProperty(deadlineKey);
    if (deadline != null) {
      deadline.cancel(false);
    }
  }

  /** The stream's request did not arrive in time: 408 if nothing was answered yet, then reset. */
  private void expired(Http2Stream stream) {
    stream.removeProperty(deadlineKey);
    if (!requestIncomplete(stream) || !channel.isActive()) {
      return;
    }
    log.bodyTimeout();
    ChannelHandlerContext ctx = channel.pipeline().context(handler);
    if (stream.state() == Http2Stream.State.OPEN && !stream.isHeadersSent()) {
      byte[] body = Json.write(ErrorMapper.body(ErrorCode.REQUEST_TIMEOUT));
      handler
          .encoder()
          .writeHeaders(ctx, stream.id(), headers(body.length), 0, false, ctx.newPromise());
      handler
          .encoder()
          .writeData(ctx, stream.id(), Unpooled.wrappedBuffer(body), 0, true, ctx.newPromise());
      channel.flush(); // through the flow controller, else the reset below discards the answer
    }
    // RFC 9113 8.1: a server that answered before the request ended resets the rest with NO_ERROR.
    handler.resetStream(ctx, stream.id(), Http2Error.NO_ERROR.code(), ctx.newPromise());
    channel.flush();
  }

  private static Http2Headers headers(int length) {
    return new DefaultHttp2Headers()
        .status(String.valueOf(ErrorCode.REQUEST_TIMEOUT.status()))
        .set("content-type", HttpApi.JSON)
        .setInt("content-length", length)
        .set("x-request-id", HttpApi.newRequestId());
  }
}
