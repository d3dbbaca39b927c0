package io.keyloom.http;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection as {@link ConnectionGuard} sees it at the cap: either waiting for the client (it may
 * be closed to make room, longest waiting first) or busy with a request (it may not). The HTTP/1
 * and HTTP/2 watches update it on their event loop; the guard reads it from any loop.
 */
final class Sheddable {
  private final Runnable close;
  private final Runnable refuse;
  private final AtomicBoolean shed = new AtomicBoolean();
  private volatile boolean waiting = true;
  private volatile long waitingSince = System.nanoTime();

  /**
   * @param close closes the connection to make room for another
   * @param refuse answers a connection that arrived at the cap, when nothing could be shed, and
   *     closes it
   */
  Sheddable(Runnable close, Runnable refuse) {
    this.close = close;
    this.refuse = refuse;
  }

  /** Whether the connection now waits for the client rather than for us. */
  void waiting(boolean waiting) {
    this.waiting = waiting;
  }

  /** The connection starts waiting for the client now (for the longest-waiting order). */
  void restartWait() {
    waitingSince = System.nanoTime();
  }

  /** True when the connection waits for the client, not for us: it may be shed. */
  boolean sheddable() {
    return waiting && !shed.get();
  }

  /** Since when (System.nanoTime) the connection has been waiting. */
  long waitingSince() {
    return waitingSince;
  }

  /** Closes the connection to make room for a new one; false if someone else already did. */
  boolean shed() {
    if (!shed.compareAndSet(false, true)) {
      return false;
    }
    close.run();
    return true;
  }

  /** Refuses the connection at once and closes it: the cap is reached and nothing could be shed. */
  void refuse() {
    shed.set(true);
    refuse.run();
  }
}
