package io.keyloom;

import io.keyloom.auth.IdentityReset;
import io.keyloom.config.Seed;
import io.keyloom.kms.KeyDestroyer;
import java.util.Optional;

/**
 * The data half of the emulator's reset, shared by {@code POST /keyloom/v1/reset} and {@code
 * keyloom admin reset} (docs/emulator.md): every key of every project is destroyed, identities the
 * seed does not declare are removed, and the seed is applied again through {@link
 * SeedApplier#apply}, the method a start applies it with. Without a seed file, the first-start
 * identities in credentials.json are the seed; without either, identities are left as they are.
 */
final class Reset {
  private final KeyDestroyer keys;
  private final IdentityReset identities;
  private final Optional<Seed> seed;
  private final Runnable reapply;

  /**
   * A reset back to {@code seed}, which {@code reapply} applies again after the wipe: the seed
   * file's {@link SeedApplier#apply}, or, without a seed file, the first-start identities of
   * credentials.json. With an empty {@code seed}, identities are left as they are.
   */
  Reset(KeyDestroyer keys, IdentityReset identities, Optional<Seed> seed, Runnable reapply) {
    this.keys = keys;
    this.identities = identities;
    this.seed = seed;
    this.reapply = reapply;
  }

  /**
   * Runs the reset.
   *
   * @return how many keys were destroyed
   */
  int run() {
    int destroyed = keys.destroyAll();
    if (seed.isPresent()) {
      identities.retainOnly(seed.get());
      reapply.run();
    }
    return destroyed;
  }

  /** Whether identities go back to a seed (a seed file or the first-start credentials). */
  boolean hasSeed() {
    return seed.isPresent();
  }
}
