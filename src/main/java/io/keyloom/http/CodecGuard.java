package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Closes two holes in Vert.x's HTTP/1.x handling, between Netty's codec and Vert.x:
 *
 * <ul>
 *   <li>An unknown protocol version ({@code HTTP/9.9}, {@code FOO/1.1}) would be answered 501 with
 *       the client's own version token in the status line. It becomes an invalid HTTP/1.1 request,
 *       which {@link InvalidRequests#codecFailure} answers 400 in error JSON.
 *   <li>Broken chunked framing in a body would close the connection without any answer. Unless the
 *       request was already answered, it gets a 400 {@code KMS.0214} in error JSON before the
 *       close.
 * </ul>
 *
 * Uses Vert.x's internal {@link ConnectionBase} to reach the Netty pipeline; pinned to Vert.x 4.5.
 */
final class CodecGuard extends ChannelDuplexHandler {
  private static final String NAME = "keyloomCodecGuard";
  private boolean answered;
  private boolean discarding;

  /** Installs a guard on a new HTTP/1.x connection; other connections are left alone. */
  static void install(HttpConnection connection) {
    if (connection instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
      if (pipeline.get("httpEncoder") != null && pipeline.get(NAME) == null) {
        // Right before Vert.x's handler: inbound we see decoded messages (the first request too,
        // which the h2c upgrade check holds until now), outbound the response objects.
        pipeline.addBefore("handler", NAME, new CodecGuard());
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (discarding) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest) {
      answered = false;
    }
    if (msg instanceof HttpRequest request && !supported(request.protocolVersion())) {
      DefaultHttpRequest invalid =
          new DefaultHttpRequest(
              HttpVersion.HTTP_1_1, request.method(), request.uri(), request.headers());
      invalid.setDecoderResult(DecoderResult.failure(new UnsupportedVersion()));
      discarding = true; // its body, if any, is never read: the connection closes after the answer
      ctx.fireChannelRead(invalid);
    } else if (!(msg instanceof HttpRequest)
        && msg instanceof HttpContent content
        && content.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      discarding = true;
      if (answered) {
        // The answer may still sit unflushed in the channel: send it, then close.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.writeAndFlush(badFraming()).addListener(ChannelFutureListener.CLOSE);
      }
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof HttpResponse response && response.status().code() >= 200) {
      answered = true;
    }
    super.write(ctx, msg, promise);
  }

  private static boolean supported(HttpVersion version) {
    return version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0;
  }

  private static FullHttpResponse badFraming() {
    ErrorCode code = ErrorCode.INVALID_REQUEST_FORMAT;
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(code.status()),
            Unpooled.wrappedBuffer(Json.write(ErrorMapper.body(code))));
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8")
        .set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
        .set(HttpHeaderNames.CONNECTION, "close")
        .set(InvalidRequests.REQUEST_ID, HttpApi.newRequestId());
    return response;
  }

  /** The decoder failure that marks a request with an unsupported protocol version. */
  private static final class UnsupportedVersion extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnsupportedVersion() {
      super("unsupported HTTP version", null);
    }
  }
}
