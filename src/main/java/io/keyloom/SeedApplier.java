package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.config.Seed;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Applies the seed file in one place: at every start, and again after the emulator's reset has
 * wiped the data dir (docs/emulator.md), so whatever a seed can declare comes back after a reset.
 * Without a seed file, a first start makes the bootstrap credentials instead.
 */
final class SeedApplier {
  private final Optional<Seed> seed;
  private final IdentityAdmin identities;

  /** An applier of {@code seed} (empty: no seed file). */
  SeedApplier(Optional<Seed> seed, IdentityAdmin identities) {
    this.seed = seed;
    this.identities = identities;
  }

  /**
   * Creates or restores everything the seed declares; applying it twice changes nothing. Does
   * nothing without a seed file.
   */
  void apply() {
    seed.ifPresent(identities::apply);
  }

  /**
   * What a start does: {@link #apply} with a seed file; without one, on an empty store, the
   * bootstrap identities, written to {@code <dataDir>/credentials.json} and announced on {@code
   * out}.
   */
  void applyAtStart(Path dataDir, PrintStream out) throws IOException {
    if (seed.isPresent()) {
      apply();
    } else if (identities.isEmpty()) {
      IdentityAdmin.Bootstrap b = identities.bootstrap();
      BootstrapFile.write(dataDir.resolve("credentials.json"), b);
      BootstrapFile.print(out, b, dataDir.resolve("credentials.json"));
    }
  }
}
