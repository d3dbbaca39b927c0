package io.keyloom.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand; it starts at the real current time. */
public final class TestClock extends Clock {
  private final AtomicReference<Instant> now;

  /** A clock at the real current time. */
  public TestClock() {
    this(Instant.now());
  }

  /** A clock at {@code start}. */
  public TestClock(Instant start) {
    now = new AtomicReference<>(start);
  }

  /** Moves time forward (or back, for a negative amount). */
  public void advance(Duration amount) {
    now.updateAndGet(t -> t.plus(amount));
  }

  /** Back to the real current time. */
  public void reset() {
    now.set(Instant.now());
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("TestClock is UTC only");
  }
}
