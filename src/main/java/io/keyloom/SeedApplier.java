package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.config.Seed;

/**
 * Applies a whole seed, idempotently: the one place that knows everything a seed declares. The
 * start applies the seed file through it, and the emulator's reset applies it again after wiping
 * the keys, so whatever a seed can declare comes back after a reset (docs/emulator.md).
 */
final class SeedApplier {
  private final IdentityAdmin identities;

  SeedApplier(IdentityAdmin identities) {
    this.identities = identities;
  }

  /** Creates or restores every domain, project, user and access key the seed declares. */
  void apply(Seed seed) {
    identities.apply(seed);
  }
}
