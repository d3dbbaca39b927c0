package io.keyloom.http;

import java.time.Duration;
import java.time.Instant;

/**
 * What the emulator controls under {@code /keyloom/v1/} act on (docs/emulator.md); implemented by
 * the composition root, which alone knows the store, the caches and the clock. Served only when the
 * server runs with {@code --emulator}.
 */
public interface EmulatorControls {
  /**
   * Destroys every key of every project, puts identities back to the seed (seed keys included),
   * forgets failed logins and puts the clock back to the real time.
   *
   * @return how many keys were destroyed (seed keys created again are not counted)
   */
  int reset();

  /** The server's current time. */
  Instant now();

  /**
   * Moves the server's clock forward by {@code amount} (positive), then destroys keys whose
   * deletion date has passed.
   *
   * @return the new current time
   */
  Instant advance(Duration amount);

  /**
   * Sets the server's clock to {@code time} (also backwards), then destroys keys whose deletion
   * date has passed.
   *
   * @return the new current time
   */
  Instant set(Instant time);
}
