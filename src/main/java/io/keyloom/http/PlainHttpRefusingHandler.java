package io.keyloom.http;

import io.keyloom.error.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TLS handler that answers a connection whose first bytes are not a TLS record (a plain-HTTP
 * request sent to the HTTPS port) with an HTTP/1.1 400 in the documented error JSON, then closes
 * it, as nginx does. Netty's own handler would drop the connection without a word, and its
 * exception quotes the received bytes (request line and headers), which must not reach a log.
 */
final class PlainHttpRefusingHandler extends SslHandler {
  private static final Logger LOG = LoggerFactory.getLogger(PlainHttpRefusingHandler.class);

  /** A TLS record header: content type, version, length. */
  private static final int RECORD_HEADER_BYTES = 5;

  static final String MESSAGE =
      "The plain HTTP request was sent to an HTTPS port: use https:// for this server.";

  private boolean firstRecordSeen;
  private boolean refused;

  PlainHttpRefusingHandler(SSLEngine engine, boolean startTls, Executor executor) {
    super(engine, startTls, executor);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws SSLException {
    if (refused) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (!firstRecordSeen && in.readableBytes() >= RECORD_HEADER_BYTES) {
      firstRecordSeen = true;
      if (!isEncrypted(in, false)) {
        refused = true;
        in.skipBytes(in.readableBytes());
        refuse(ctx);
        return;
      }
    }
    super.decode(ctx, in, out);
  }

  private static void refuse(ChannelHandlerContext ctx) {
    // Written from this handler's context, the bytes go out in front of TLS, i.e. in the clear.
    String requestId = HttpApi.newRequestId();
    byte[] body = Json.write(ErrorMapper.kms(ErrorCode.INVALID_URL, MESSAGE).body());
    String head =
        "HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/json;charset=UTF-8\r\n"
            + "X-Request-Id: "
            + requestId
            + "\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    ByteBuf reply = Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
    ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
    LOG.debug("request {}: plain HTTP on the HTTPS port refused with 400", requestId);
  }
}
