package io.keyloom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's clock in emulator mode: a base clock (the system clock, or a test's) plus an offset
 * that {@code POST /keyloom/v1/clock} moves (docs/emulator.md). It runs on with the base clock; the
 * offset lives in memory only, so a restart or a reset is back at the base clock's time.
 */
final class EmulatorClock extends Clock {
  private final Clock base;
  private final AtomicLong offsetMillis = new AtomicLong();

  EmulatorClock(Clock base) {
    this.base = base;
  }

  /** Moves the clock by {@code amount}. */
  void advance(Duration amount) {
    offsetMillis.addAndGet(amount.toMillis());
  }

  /** Sets the clock to {@code time}; it runs on from there. */
  void set(Instant time) {
    offsetMillis.set(time.toEpochMilli() - base.millis());
  }

  /** Back to the base clock's time. */
  void reset() {
    offsetMillis.set(0);
  }

  @Override
  public Instant instant() {
    return base.instant().plusMillis(offsetMillis.get());
  }

  @Override
  public long millis() {
    return base.millis() + offsetMillis.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the emulator clock is UTC only");
  }
}
