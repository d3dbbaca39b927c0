package io.keyloom.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the store was last seen able to serve, with one log line per change of state: a disk that
 * stays full for an hour logs its {@code SQLITE_FULL} once, not once per request.
 */
final class StoreHealth {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** Probes of a store that is down run at most this often, however often they are asked for. */
  private static final long PROBE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final AtomicReference<String> downBecause = new AtomicReference<>();
  private final AtomicLong failuresWhileDown = new AtomicLong();
  private final AtomicLong lastProbeNanos = new AtomicLong(System.nanoTime());

  /** Records a failure that makes the store unavailable, described without any request data. */
  void failed(String description) {
    failuresWhileDown.incrementAndGet();
    if (downBecause.compareAndSet(null, description)) {
      lastProbeNanos.set(System.nanoTime());
      LOG.error(
          "store unavailable: {}; calls that need the store answer 503 until a probe write"
              + " succeeds",
          description);
    }
  }

  /** Records that a probe write succeeded. */
  void recovered() {
    String cause = downBecause.getAndSet(null);
    if (cause != null) {
      LOG.info(
          "store available again after {} failed operations ({})",
          failuresWhileDown.getAndSet(0),
          cause);
    }
  }

  boolean isDown() {
    return downBecause.get() != null;
  }

  /** Whether a probe may run now; claims the slot, so concurrent callers do not all probe. */
  boolean claimProbe() {
    long last = lastProbeNanos.get();
    long now = System.nanoTime();
    return now - last >= PROBE_INTERVAL_NANOS && lastProbeNanos.compareAndSet(last, now);
  }
}
