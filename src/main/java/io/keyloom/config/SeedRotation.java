package io.keyloom.config;

/**
 * The automatic rotation a seed key declares (docs/seed-keys.md, docs/key-rotation.md).
 *
 * @param enabled whether rotation is on; true when absent (declaring the block turns it on)
 * @param interval days between rotations, 30–365; 365 when absent
 */
public record SeedRotation(Boolean enabled, Integer interval) {
  static final int MIN_INTERVAL = 30;
  static final int MAX_INTERVAL = 365;

  /** Checks the interval and fills in the defaults. */
  public SeedRotation {
    enabled = enabled == null || enabled;
    interval = interval == null ? MAX_INTERVAL : interval;
    if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
      throw new SeedFieldException(
          "interval",
          "rotation interval must be a whole number of days from "
              + MIN_INTERVAL
              + " to "
              + MAX_INTERVAL);
    }
  }
}
