package io.keyloom.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The request timers of one route (or of unmatched or invalid requests), one per status of a fixed
 * list ({@link #STATUSES}, anything else is {@code other}), each registered on its first use and
 * then read from an array: recording looks nothing up by name and allocates nothing.
 */
final class RequestTimers {
  /** The statuses that get their own label value: every status Keyloom answers with. */
  static final int[] STATUSES = {
    200, 201, 204, 400, 401, 403, 404, 405, 408, 409, 411, 412, 413, 414, 415, 417, 429, 431, 500,
    501, 502, 503, 504
  };

  private static final int OTHER = STATUSES.length;
  private static final byte[] SLOT = slots();

  /**
   * The histogram's buckets: 1-2.5-5 steps from 0.1 ms to 10 s, 16 in all. Micrometer's percentile
   * histogram over the same range has 76, and a series' bucket lines dominate the scrape.
   */
  static final Duration[] BUCKETS = buckets();

  private final MeterRegistry registry;
  private final String operation;
  private final String method;
  private final AtomicReferenceArray<Timer> byStatus = new AtomicReferenceArray<>(OTHER + 1);

  RequestTimers(MeterRegistry registry, String operation, String method) {
    this.registry = registry;
    this.operation = operation;
    this.method = method;
  }

  private static Duration[] buckets() {
    long[] steps = {10, 25, 50};
    Duration[] buckets = new Duration[16];
    long scale = 10_000; // nanoseconds: 10 x 10 µs is the first bucket, 0.1 ms
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = Duration.ofNanos(steps[i % 3] * scale);
      if (i % 3 == 2) {
        scale *= 10;
      }
    }
    return buckets;
  }

  private static byte[] slots() {
    byte[] slots = new byte[600];
    java.util.Arrays.fill(slots, (byte) OTHER);
    for (int i = 0; i < STATUSES.length; i++) {
      slots[STATUSES[i]] = (byte) i;
    }
    return slots;
  }

  /** Starts timing a response: recorded, with its final status, when it ends. */
  Sample start(HttpServerResponse response) {
    Sample sample = new Sample(this, response, System.nanoTime());
    if (registry != null) {
      response.endHandler(sample);
    }
    return sample;
  }

  /** Records one response. */
  void record(int status, long nanos) {
    if (registry == null) {
      return;
    }
    int slot = status >= 0 && status < SLOT.length ? SLOT[status] : OTHER;
    Timer timer = byStatus.get(slot);
    if (timer == null) {
      timer = register(slot);
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private synchronized Timer register(int slot) {
    Timer timer = byStatus.get(slot);
    if (timer == null) {
      timer =
          Timer.builder("keyloom.http.requests")
              .description("Requests by operation, method and status, from routing to response")
              .tag("operation", operation)
              .tag("method", method)
              .tag("status", slot == OTHER ? "other" : Integer.toString(STATUSES[slot]))
              .serviceLevelObjectives(BUCKETS)
              .register(registry);
      byStatus.set(slot, timer);
    }
    return timer;
  }

  /**
   * One request being timed; the route is set once the router has matched one, until then it counts
   * as unmatched.
   */
  static final class Sample implements Handler<Void> {
    private RequestTimers timers;
    private final HttpServerResponse response;
    private final long start;

    Sample(RequestTimers timers, HttpServerResponse response, long start) {
      this.timers = timers;
      this.response = response;
      this.start = start;
    }

    /** The route the router matched. */
    void route(RequestTimers matched) {
      this.timers = matched;
    }

    @Override
    public void handle(Void ended) {
      timers.record(response.getStatusCode(), System.nanoTime() - start);
    }
  }
}
