package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityReset;
import io.keyloom.auth.LoginProtection;
import io.keyloom.config.Seed;
import io.keyloom.http.EmulatorControls;
import io.keyloom.kms.KeyDestroyer;
import io.keyloom.kms.KeySweeps;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator controls of one server (docs/emulator.md): reset and the movable clock. After every
 * clock move every key sweep runs at once, so keys whose deletion date has passed are gone from the
 * store (and due rotations done) before the response, not only at the next periodic sweep.
 */
final class Emulator implements EmulatorControls {
  private static final Logger LOG = LoggerFactory.getLogger(Emulator.class);
  private final EmulatorClock clock;
  private final Reset reset;
  private final KeySweeps sweeps;
  private final LoginProtection logins;

  Emulator(EmulatorClock clock, Reset reset, KeySweeps sweeps, LoginProtection logins) {
    this.clock = clock;
    this.reset = reset;
    this.sweeps = sweeps;
    this.logins = logins;
  }

  /** One reset at a time: two interleaved ones could both insert the same seeded identity. */
  @Override
  public synchronized int reset() {
    clock.reset();
    logins.forgetAll();
    int destroyed = reset.run();
    LOG.info(
        "emulator reset: {} keys destroyed, identities {}, clock back to real time",
        destroyed,
        reset.hasSeed() ? "back to the seed" : "unchanged (no seed)");
    return destroyed;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Instant advance(Duration amount) {
    clock.advance(amount);
    return swept();
  }

  @Override
  public Instant set(Instant time) {
    clock.set(time);
    return swept();
  }

  /**
   * The reset of a server started with {@code seedFile} (applied by {@code seeder}) or, without
   * one, over the first-start identities in credentials.json; a broken credentials.json only means
   * that a reset leaves identities as they are.
   */
  static Reset dataReset(
      Optional<Seed> seedFile,
      SeedApplier seeder,
      IdentityAdmin admin,
      Path dataDir,
      IdentityReset identities,
      KeyDestroyer keys) {
    if (seedFile.isPresent()) {
      return new Reset(keys, identities, seedFile, seeder::apply);
    }
    Optional<Seed> firstStart;
    try {
      firstStart = BootstrapFile.read(dataDir.resolve("credentials.json"));
    } catch (IllegalArgumentException e) {
      LOG.warn("{}; an emulator reset will leave identities as they are", e.getMessage());
      firstStart = Optional.empty();
    }
    Optional<Seed> seed = firstStart;
    return new Reset(keys, identities, seed, () -> seed.ifPresent(admin::apply));
  }

  private Instant swept() {
    Instant now = clock.instant();
    LOG.info("emulator clock moved to {}; keys {}", now, sweeps.runAll());
    return now;
  }
}
