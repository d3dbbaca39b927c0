package io.keyloom.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed attempts per key (a user, a client address) in fixed windows, with a lock once a window
 * holds {@code limit} failures. Bounded: beyond {@code maxEntries} keys, the key whose last failure
 * is oldest is forgotten, so a flood of random user names cannot exhaust memory.
 */
final class FailureTable {
  private record Entry(Instant windowStart, int failures, Instant lockedUntil) {}

  private final int limit;
  private final Duration window;
  private final Duration lock;
  private final Map<String, Entry> entries;

  /**
   * A table locking a key for {@code lock} after {@code limit} failures within {@code window}.
   *
   * @param maxEntries how many keys are remembered at most
   */
  FailureTable(int limit, Duration window, Duration lock, int maxEntries) {
    this.limit = limit;
    this.window = window;
    this.lock = lock;
    // Insertion order, and a failure re-inserts its key: the eldest entry is the least recently
    // failed one, the one most likely expired anyway.
    this.entries =
        new LinkedHashMap<>() {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > maxEntries;
          }
        };
  }

  /** Whether {@code key} is locked at {@code now}. */
  synchronized boolean isLocked(String key, Instant now) {
    Entry e = entries.get(key);
    return e != null && e.lockedUntil() != null && now.isBefore(e.lockedUntil());
  }

  /** Counts a failure; the {@code limit}-th failure within the window locks the key. */
  synchronized void failed(String key, Instant now) {
    Entry e = entries.remove(key);
    if (e == null || expired(e, now)) {
      e = new Entry(now, 0, null);
    }
    int failures = e.failures() + 1;
    entries.put(
        key,
        failures >= limit
            ? new Entry(now, 0, now.plus(lock))
            : new Entry(e.windowStart(), failures, e.lockedUntil()));
  }

  /** Forgets the failures of {@code key}, e.g. after a successful login. */
  synchronized void clear(String key) {
    entries.remove(key);
  }

  /** Forgets every key's failures and locks. */
  synchronized void clearAll() {
    entries.clear();
  }

  /** How many keys are remembered; for tests of the bound. */
  synchronized int size() {
    return entries.size();
  }

  private boolean expired(Entry e, Instant now) {
    boolean windowOver = !now.isBefore(e.windowStart().plus(window));
    boolean lockOver = e.lockedUntil() == null || !now.isBefore(e.lockedUntil());
    return windowOver && lockOver;
  }
}
