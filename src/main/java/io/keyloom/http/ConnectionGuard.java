package io.keyloom.http;

import io.keyloom.config.ConnectionLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.http.Http2Settings;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds what slow and surplus clients can hold: the idle timeout, per-connection head and body
 * deadlines ({@link ConnectionWatch}) and a cap on open connections (docs/connection-limits.md).
 *
 * <p>At the cap a new connection is not simply refused: the connection that has waited longest for
 * a request head (a slowloris, or an idle keep-alive) is closed to make room, as nginx reuses idle
 * connections, so fresh clients keep being served while an attacker holds every slot. Only when
 * every open connection is busy with a request does the newcomer get 503.
 */
final class ConnectionGuard {
  /** Streams one HTTP/2 connection may run at once; each can hold a request in progress. */
  static final int MAX_CONCURRENT_STREAMS = 100;

  private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);
  private final ConnectionLimits limits;
  private final GuardLog log;
  private final AtomicInteger open = new AtomicInteger();
  private final Set<Sheddable> watches = ConcurrentHashMap.newKeySet();

  ConnectionGuard(ConnectionLimits limits) {
    this.limits = limits;
    this.log = new GuardLog(LOG_INTERVAL, limits.maxConnections());
  }

  /**
   * Adds the limits to the listener's options and returns them. Cleartext HTTP/2 (h2c) is off:
   * Vert.x sniffs for its preface before it reports a connection, so a silent client would be
   * neither counted nor timed. HTTP/2 over TLS (ALPN) is unaffected; the TLS handshake gets the
   * header timeout.
   */
  HttpServerOptions configure(HttpServerOptions options) {
    return options
        .setIdleTimeout(Math.toIntExact(limits.idleTimeout().toMillis()))
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setHttp2ClearTextEnabled(false)
        .setSslHandshakeTimeout(limits.headerTimeout().toMillis())
        .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
        .setInitialSettings(new Http2Settings().setMaxConcurrentStreams(MAX_CONCURRENT_STREAMS));
  }

  /** Vert.x's connection handler: counts, watches and, over the cap, sheds or refuses. */
  void accepted(HttpConnection connection) {
    Channel channel = ((ConnectionBase) connection).channel();
    open.incrementAndGet();
    channel.closeFuture().addListener(f -> open.decrementAndGet());
    ChannelPipeline pipeline = channel.pipeline();
    if (pipeline.get("httpDecoder") == null) {
      Http2Watch h2 = Http2Watch.install(limits, log, channel); // HTTP/2 over TLS (ALPN h2)
      watch(h2 == null ? null : h2.slot(), channel);
      return;
    }
    ConnectionWatch watch = new ConnectionWatch(limits, log, channel);
    if (pipeline.get("ssl") != null) {
      pipeline.addAfter("ssl", ConnectionWatch.BYTES, watch);
    } else {
      pipeline.addFirst(ConnectionWatch.BYTES, watch);
    }
    pipeline.addBefore("handler", ConnectionWatch.MESSAGES, watch);
    watch(watch.slot(), channel);
  }

  private void watch(Sheddable watch, Channel channel) {
    if (watch != null) {
      watches.add(watch);
      channel.closeFuture().addListener(f -> watches.remove(watch));
    }
    checkCap(watch, channel);
  }

  private void checkCap(Sheddable newcomer, Channel channel) {
    if (open.get() <= limits.maxConnections()) {
      return;
    }
    Sheddable victim = longestWaiting(newcomer);
    if (victim != null) {
      log.shed();
    } else if (newcomer != null) {
      log.refused();
      newcomer.refuse();
    } else {
      log.refused();
      channel.close();
    }
  }

  /** Sheds the connection waiting longest for a head, other than the newcomer; null if none. */
  private Sheddable longestWaiting(Sheddable newcomer) {
    while (true) {
      Sheddable oldest = null;
      for (Sheddable w : watches) {
        if (w != newcomer
            && w.sheddable()
            && (oldest == null || w.waitingSince() - oldest.waitingSince() < 0)) {
          oldest = w;
        }
      }
      if (oldest == null || oldest.shed()) {
        return oldest;
      }
    }
  }
}
