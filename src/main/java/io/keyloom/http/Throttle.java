package io.keyloom.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@code --throttle N}: at most N requests per second per project, as a token bucket of N tokens
 * refilled at N per second (a burst of N, then one every 1/N s), docs/throttle-and-faults.md.
 *
 * <p>Each project's bucket is one {@code long}, its theoretical arrival time (the generic cell rate
 * algorithm), updated by compare-and-set: no lock. Only authenticated project ids are keys, so the
 * map holds at most the projects of the identity store; buckets that have refilled are equivalent
 * to absent ones and are dropped when the map grows past {@link #TRACKED}. With N = 0 nothing is
 * counted and nothing is stored.
 */
final class Throttle {
  /** Buckets kept before idle (full) ones are dropped. */
  static final int TRACKED = 4096;

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private final int perSecond;
  private final long interval;
  private final long burst;
  private final LongSupplier nanos;
  private final ConcurrentHashMap<String, AtomicLong> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep;

  /**
   * A throttle of {@code perSecond} requests per second per project, on {@code nanos} (a monotonic
   * clock such as {@link System#nanoTime}); 0 admits everything.
   */
  Throttle(int perSecond, LongSupplier nanos) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("perSecond must be 0 (off) or more");
    }
    this.perSecond = perSecond;
    this.interval = perSecond == 0 ? 0 : Math.max(1, SECOND / perSecond);
    this.burst = interval * perSecond;
    this.nanos = nanos;
    this.lastSweep = new AtomicLong(nanos.getAsLong() - SECOND);
  }

  /** The limit in requests per second; 0 when off. */
  int perSecond() {
    return perSecond;
  }

  /** Whether {@code projectId} may make one more request now; counts it if so. */
  boolean admit(String projectId) {
    if (perSecond == 0) {
      return true;
    }
    long now = nanos.getAsLong();
    AtomicLong bucket = buckets.get(projectId);
    if (bucket == null) {
      if (buckets.size() >= TRACKED) {
        dropIdle(now);
      }
      bucket = buckets.computeIfAbsent(projectId, p -> new AtomicLong(now));
    }
    while (true) {
      long arrival = bucket.get();
      // nanoTime values are compared by difference only: they may be negative or wrap.
      long next = (arrival - now > 0 ? arrival : now) + interval;
      if (next - now > burst) {
        return false;
      }
      if (bucket.compareAndSet(arrival, next)) {
        return true;
      }
    }
  }

  /** How many buckets are held, for tests. */
  int tracked() {
    return buckets.size();
  }

  /** Drops the buckets that are full again; at most once a second, so a full map costs little. */
  private void dropIdle(long now) {
    long last = lastSweep.get();
    if (now - last < SECOND || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    buckets.values().removeIf(b -> b.get() - now <= 0);
  }
}
