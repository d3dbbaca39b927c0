package io.keyloom.http;

import io.keyloom.config.ConnectionLimits;
import io.keyloom.error.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of one HTTP/1.x connection: its request head must be complete within the header timeout
 * of the connection opening (or of the first byte of a keep-alive request), its body within the
 * body timeout of the head. These are totals, so a client trickling one byte at a time cannot hold
 * a connection the way it can against an idle timeout.
 *
 * <p>The same instance sits twice in the pipeline: in front of the HTTP codec, where it sees raw
 * bytes (the start of the next request), and behind it, where it sees request heads, request ends
 * and responses. All state changes run on the connection's event loop; its {@link Sheddable} lets
 * {@link ConnectionGuard} pick a connection to shed from another loop.
 */
@ChannelHandler.Sharable
final class ConnectionWatch extends ChannelDuplexHandler {
  static final String BYTES = "keyloom-bytes";
  static final String MESSAGES = "keyloom-messages";

  private enum Phase {
    HEAD,
    BODY,
    WAITING
  }

  private final ConnectionLimits limits;
  private final GuardLog log;
  private final Channel channel;
  private final Sheddable slot;
  private ChannelHandlerContext messages;
  private Phase phase = Phase.HEAD;
  private boolean bytesSeen;
  private boolean responseStarted;
  private int responsesOwed; // more than one only when the client pipelines requests
  private ScheduledFuture<?> deadline;

  ConnectionWatch(ConnectionLimits limits, GuardLog log, Channel channel) {
    this.limits = limits;
    this.log = log;
    this.channel = channel;
    this.slot =
        new Sheddable(
            channel::close,
            () -> channel.eventLoop().execute(() -> answer(ErrorCode.TOO_MANY_CONNECTIONS)));
  }

  /** What the connection cap sees of this connection. */
  Sheddable slot() {
    return slot;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (MESSAGES.equals(ctx.name())) {
      messages = ctx;
      schedule(limits.headerTimeout());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf bytes && bytes.isReadable()) {
      bytesArrived();
    }
    if (msg instanceof HttpRequest) {
      headArrived();
    }
    if (msg instanceof LastHttpContent) {
      bodyArrived();
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean informational =
        msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    if (msg instanceof HttpResponse && !informational) {
      responseStarted = true;
    }
    if (msg instanceof LastHttpContent && !informational && responsesOwed > 0) {
      responsesOwed--;
      slot.waiting(phase != Phase.BODY && responsesOwed == 0);
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && responsesOwed > 0) {
      return; // the client waits for our answer, it is not idle; the executors bound slow work
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void bytesArrived() {
    if (phase == Phase.WAITING) {
      phase = Phase.HEAD;
      slot.restartWait();
      schedule(limits.headerTimeout());
    }
    bytesSeen |= phase == Phase.HEAD;
  }

  private void headArrived() {
    phase = Phase.BODY;
    slot.waiting(false);
    bytesSeen = false;
    responseStarted = false;
    responsesOwed++;
    schedule(limits.bodyTimeout());
  }

  private void bodyArrived() {
    if (phase == Phase.BODY) {
      phase = Phase.WAITING;
      cancel();
      slot.restartWait();
      slot.waiting(responsesOwed == 0);
    }
  }

  private void expired() {
    deadline = null;
    if (phase == Phase.WAITING) {
      return; // the idle timeout governs a connection between requests
    }
    if (phase == Phase.HEAD) {
      log.headerTimeout();
      if (bytesSeen && responsesOwed == 0) {
        answer(ErrorCode.REQUEST_TIMEOUT);
        return;
      }
    } else if (phase == Phase.BODY) {
      log.bodyTimeout();
      if (!responseStarted && responsesOwed == 1) {
        answer(ErrorCode.REQUEST_TIMEOUT);
        return;
      }
    }
    channel.close();
  }

  /** Writes the error JSON through the codec (which has no response in progress) and closes. */
  private void answer(ErrorCode code) {
    if (messages == null || !channel.isActive()) {
      channel.close();
      return;
    }
    messages.writeAndFlush(response(code)).addListener(ChannelFutureListener.CLOSE);
  }

  private static FullHttpResponse response(ErrorCode code) {
    byte[] body = Json.write(ErrorMapper.body(code));
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(code.status()),
            Unpooled.wrappedBuffer(body));
    r.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, HttpApi.JSON)
        .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
        .set("X-Request-Id", HttpApi.newRequestId());
    return r;
  }

  private void schedule(Duration timeout) {
    cancel();
    deadline =
        channel.eventLoop().schedule(this::expired, timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }
}
