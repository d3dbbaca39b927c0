package io.keyloom.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the 429s of a client that ignores {@code Retry-After}. The first refusal on a
 * connection is sent at once; a further one on the same connection is sent no sooner than {@link
 * #RETRY_AFTER_SECONDS} after the previous one, on a timer (no thread waits, no work queues).
 *
 * <p>Why: a refusal is cheap but not free. A flooding client that resends at once gets thousands of
 * 429s a second, and parsing and answering them takes the event loop and CPU from everyone else
 * (measured: encrypt-data p50 3.5x its idle value under a 32-connection login flood, 1.1x with
 * this; docs/executors.md). A client that honours {@code Retry-After} never waits.
 */
final class Backoff {
  /** The {@code Retry-After} of every 429 that has none of its own. */
  static final int RETRY_AFTER_SECONDS = 1;

  private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(RETRY_AFTER_SECONDS);
  private final Vertx vertx;

  /** When the last refusal on each connection was (or is scheduled to be) sent; weak keys. */
  private final Map<HttpConnection, Long> lastRefusal =
      Collections.synchronizedMap(new WeakHashMap<>());

  Backoff(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Sends the 429 {@code send} writes to {@code response}, now or when its connection may retry.
   */
  void refuse(HttpServerResponse response, HttpConnection connection, Runnable send) {
    if (response.headers().get("Retry-After") == null) {
      response.putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
    long delayNanos = reserve(connection, System.nanoTime());
    if (delayNanos <= 0) {
      send.run();
    } else {
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos)), t -> send.run());
    }
  }

  /** Books the connection's next refusal slot; returns how long until it (0 = now). */
  private long reserve(HttpConnection connection, long now) {
    if (connection == null) {
      return 0;
    }
    synchronized (lastRefusal) {
      Long last = lastRefusal.get(connection);
      long slot = last == null ? now : Math.max(now, last + INTERVAL_NANOS);
      lastRefusal.put(connection, slot);
      return slot - now;
    }
  }
}
