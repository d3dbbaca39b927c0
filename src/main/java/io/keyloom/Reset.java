package io.keyloom;

import io.keyloom.auth.IdentityReset;
import io.keyloom.config.Seed;
import io.keyloom.kms.KeyDestroyer;
import java.util.Optional;

/**
 * The data half of the emulator's reset, shared by {@code POST /keyloom/v1/reset} and {@code
 * keyloom admin reset} (docs/emulator.md): every key of every project is destroyed, identities the
 * seed does not declare are removed, and the seed is applied again through {@link SeedApplier}.
 * Without a seed, identities are left as they are.
 */
final class Reset {
  private final KeyDestroyer keys;
  private final IdentityReset identities;
  private final SeedApplier applier;
  private final Optional<Seed> seed;

  Reset(KeyDestroyer keys, IdentityReset identities, SeedApplier applier, Optional<Seed> seed) {
    this.keys = keys;
    this.identities = identities;
    this.applier = applier;
    this.seed = seed;
  }

  /**
   * Runs the reset.
   *
   * @return how many keys were destroyed
   */
  int run() {
    int destroyed = keys.destroyAll();
    seed.ifPresent(
        s -> {
          identities.retainOnly(s);
          applier.apply(s);
        });
    return destroyed;
  }

  /** Whether identities go back to a seed (a seed file or the first-start credentials). */
  boolean hasSeed() {
    return seed.isPresent();
  }
}
