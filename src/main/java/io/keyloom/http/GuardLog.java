package io.keyloom.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the connection guard did and logs it as one line at most once per interval: a
 * slowloris or a flood causes thousands of events, and a line per event would be a second attack on
 * the disk. No client address or request data is logged.
 */
final class GuardLog {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private final long intervalNanos;
  private final int maxConnections;
  private final AtomicLong headerTimeouts = new AtomicLong();
  private final AtomicLong bodyTimeouts = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong nextReport = new AtomicLong(System.nanoTime());

  GuardLog(Duration interval, int maxConnections) {
    this.intervalNanos = interval.toNanos();
    this.maxConnections = maxConnections;
  }

  void headerTimeout() {
    headerTimeouts.incrementAndGet();
    maybeReport();
  }

  void bodyTimeout() {
    bodyTimeouts.incrementAndGet();
    maybeReport();
  }

  void shed() {
    shed.incrementAndGet();
    maybeReport();
  }

  void refused() {
    refused.incrementAndGet();
    maybeReport();
  }

  private void maybeReport() {
    long now = System.nanoTime();
    long next = nextReport.get();
    if (now - next < 0 || !nextReport.compareAndSet(next, now + intervalNanos)) {
      return;
    }
    LOG.warn(
        "slow or surplus clients since the last report: {} header timeouts, {} body timeouts,"
            + " {} waiting connections shed and {} refused with 503 at the cap of {}",
        headerTimeouts.getAndSet(0),
        bodyTimeouts.getAndSet(0),
        shed.getAndSet(0),
        refused.getAndSet(0),
        maxConnections);
  }
}
