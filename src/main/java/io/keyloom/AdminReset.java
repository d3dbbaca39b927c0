package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityReset;
import io.keyloom.config.Seed;
import io.keyloom.config.SeedFile;
import io.keyloom.config.SeedLoader;
import io.keyloom.kms.KeyCache;
import io.keyloom.kms.KeyDestroyer;
import io.keyloom.kms.MaterialFactory;
import io.keyloom.kms.SeedKeys;
import io.keyloom.store.KeyDeletions;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyloom admin reset}: the emulator's reset on a data directory (docs/emulator.md), the
 * same as {@code POST /keyloom/v1/reset}: every key of every project destroyed, identities back to
 * the seed ({@code --seed}, else the first-start credentials.json, else left as they are).
 */
@Command(
    name = "reset",
    description =
        "Destroy every key of every project and put identities back to the seed (--seed, else the"
            + " first-start credentials.json); cannot be undone.")
final class AdminReset implements Callable<Integer> {
  @ParentCommand AdminCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      description =
          "The data directory; may also come before 'reset' (env KEYLOOM_DATA_DIR, default"
              + " ./data).")
  Path dataDir;

  @Option(
      names = "--seed",
      defaultValue = "${env:KEYLOOM_SEED}",
      description = "The YAML seed identities go back to (env KEYLOOM_SEED).")
  Path seedFile;

  @Override
  public Integer call() throws Exception {
    // The seed is read before the data dir is opened: a bad seed changes nothing.
    Optional<SeedFile> fromFile =
        Optional.ofNullable(seedFile).map(new SeedLoader(System.getenv())::read);
    Path dir = dataDir != null ? dataDir : parent.dataDir;
    try (DataDir data = DataDir.open(dir, false, parent.db.settings())) {
      Optional<Seed> seed =
          fromFile.isPresent()
              ? fromFile.map(SeedFile::seed)
              : BootstrapFile.read(dir.resolve("credentials.json"));
      int destroyed = reset(data, fromFile, seed).run();
      PrintWriter out = spec.commandLine().getOut();
      out.println("keys destroyed: " + destroyed);
      out.println(
          "identities:     "
              + (fromFile.isPresent()
                  ? "back to " + seedFile
                  : seed.isPresent()
                      ? "back to the first-start identities in credentials.json"
                      : "unchanged (no --seed and no credentials.json)"));
      out.flush();
      return 0;
    }
  }

  private static Reset reset(DataDir data, Optional<SeedFile> seedFile, Optional<Seed> seed)
      throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    Clock clock = Clock.systemUTC();
    AdminCommand.Identities ids = AdminCommand.identities(data, random, clock);
    IdentityAdmin admin = ids.admin();
    // This process holds no cached keys; a server on the same data dir drops its cached key
    // metadata within its TTL, because every key row is gone.
    KeyRepository keys = new KeyRepository(data.database(), clock);
    KeyCache cache = new KeyCache(keys, data.rootKey().wrapper(), Duration.ZERO, clock);
    // The seed file goes through the same SeedApplier as at start; the first-start identities
    // (no seed file) are plain identities.
    SeedApplier seeder =
        new SeedApplier(
            seedFile,
            admin,
            new SeedKeys(
                keys,
                new KeyRotations(data.database()),
                cache,
                new MaterialFactory(data.rootKey().wrapper(), random),
                clock));
    return new Reset(
        new KeyDestroyer(new KeyDeletions(data.database(), clock), cache),
        new IdentityReset(ids.repository(), ids.directory()),
        seed,
        seedFile.isPresent() ? seeder::apply : () -> seed.ifPresent(admin::apply));
  }
}
