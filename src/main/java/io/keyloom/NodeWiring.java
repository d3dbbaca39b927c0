package io.keyloom;

import io.keyloom.audit.AuditLog;
import io.keyloom.auth.LoginProtection;
import io.keyloom.config.SeedFile;
import io.keyloom.config.ServerConfig;
import io.keyloom.crypto.RootKey;
import io.keyloom.http.ApiServices;
import io.keyloom.http.EmulatorControls;
import io.keyloom.http.KmsServices;
import io.keyloom.http.StoreProbe;
import io.keyloom.kms.KeyCache;
import io.keyloom.kms.KeyDestroyer;
import io.keyloom.kms.KeyRotator;
import io.keyloom.kms.KeySweeps;
import io.keyloom.kms.MaterialFactory;
import io.keyloom.kms.SeedKeys;
import io.keyloom.metrics.NodeMetrics;
import io.keyloom.store.Database;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What every part of one node shares (configuration, seed, data directory, clocks, randomness) and
 * the factories of the parts that {@link KeyloomServer#start} assembles in start order.
 */
final class NodeWiring {
  private static final Duration KEY_METADATA_TTL = Duration.ofSeconds(2);
  private final ServerConfig config;
  private final Optional<SeedFile> seed;
  private final DataDir data;
  private final EmulatorClock emulatorClock;
  private final Clock baseClock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param baseClock the real clock; the emulator's clock runs over it with {@code --emulator}
   */
  NodeWiring(ServerConfig config, Optional<SeedFile> seed, DataDir data, Clock baseClock) {
    this.config = config;
    this.seed = seed;
    this.data = data;
    this.emulatorClock = new EmulatorClock(baseClock);
    this.baseClock = baseClock;
  }

  ServerConfig config() {
    return config;
  }

  /** The clock every part reads: the emulator's with {@code --emulator}, else the real one. */
  Clock clock() {
    return config.emulator() ? emulatorClock : baseClock;
  }

  SecureRandom random() {
    return random;
  }

  RootKey rootKey() {
    return data.rootKey();
  }

  Database db() {
    return data.database();
  }

  IdentityWiring identities() throws GeneralSecurityException {
    return IdentityWiring.of(db(), rootKey(), random, clock(), baseClock);
  }

  /** The node's one key cache (docs/key-cache.md). */
  KeyCache keyCache() {
    return new KeyCache(
        new KeyRepository(db(), clock()), rootKey().wrapper(), KEY_METADATA_TTL, clock());
  }

  /** The seed file's identities and keys (docs/seed-keys.md). */
  SeedApplier seeder(IdentityWiring ids, KeyCache cache) {
    MaterialFactory materials = new MaterialFactory(rootKey().wrapper(), random);
    return new SeedApplier(
        seed,
        ids.admin(),
        new SeedKeys(
            new KeyRepository(db(), clock()), new KeyRotations(db()), cache, materials, clock()));
  }

  /** Rotates keys whose automatic rotation is due (docs/key-rotation.md). */
  KeyRotator rotator(KeyCache cache) {
    return KeyRotator.over(db(), cache, new MaterialFactory(rootKey().wrapper(), random), clock());
  }

  /** The emulator controls with {@code --emulator}, else empty (docs/emulator.md). */
  Optional<EmulatorControls> emulator(
      SeedApplier seeder,
      IdentityWiring ids,
      KeyDestroyer destroyer,
      KeySweeps sweeps,
      LoginProtection logins) {
    if (!config.emulator()) {
      return Optional.empty();
    }
    Reset reset =
        Emulator.dataReset(
            seed.map(SeedFile::seed),
            seeder,
            ids.admin(),
            config.dataDir(),
            ids.reset(),
            destroyer);
    return Optional.of(new Emulator(emulatorClock, reset, sweeps, logins));
  }

  /** Everything the route table serves. */
  ApiServices apiServices(
      KmsServices kms,
      IdentityWiring ids,
      LoginProtection logins,
      Optional<EmulatorControls> emulator,
      AuditLog audit,
      Optional<NodeMetrics> metrics) {
    Database db = db();
    return new ApiServices(
        config.maxBodyBytes(),
        kms,
        ids.iam(logins, clock(), config.tokenTtl()),
        new StoreProbe(db::ready, db::isDown),
        emulator,
        config.throttle(),
        audit,
        metrics);
  }
}
