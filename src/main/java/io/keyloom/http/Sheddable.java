package io.keyloom.http;

/**
 * A connection as {@link ConnectionGuard} sees it at the cap: either waiting for a request (it may
 * be closed to make room) or busy with one (it may not).
 */
interface Sheddable {
  /** True when the connection waits for the client, not for us: it may be shed. */
  boolean sheddable();

  /** Since when (System.nanoTime) the connection has been waiting for a request. */
  long waitingSince();

  /** Closes the connection to make room for a new one; false if someone else already did. */
  boolean shed();

  /** Refuses the connection at once and closes it: the cap is reached and nothing could be shed. */
  void refuse();
}
