package io.keyloom;

import io.keyloom.audit.AuditFiles;
import io.keyloom.audit.AuditLog;
import io.keyloom.auth.LoginProtection;
import io.keyloom.config.PemKeyStore;
import io.keyloom.config.PortCheck;
import io.keyloom.config.PublicUrl;
import io.keyloom.config.SeedFile;
import io.keyloom.config.SeedLoader;
import io.keyloom.config.ServerConfig;
import io.keyloom.crypto.ImportTokens;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.MaterialCheck;
import io.keyloom.http.EmulatorControls;
import io.keyloom.http.HttpApi;
import io.keyloom.http.KmsServices;
import io.keyloom.kms.AliasService;
import io.keyloom.kms.DataKeyService;
import io.keyloom.kms.DataService;
import io.keyloom.kms.DeletionService;
import io.keyloom.kms.GrantService;
import io.keyloom.kms.ImportSecrets;
import io.keyloom.kms.ImportService;
import io.keyloom.kms.KeyCache;
import io.keyloom.kms.KeyDestroyer;
import io.keyloom.kms.KeyListService;
import io.keyloom.kms.KeyPairService;
import io.keyloom.kms.KeyRotator;
import io.keyloom.kms.KeyService;
import io.keyloom.kms.KeySweeps;
import io.keyloom.kms.MacService;
import io.keyloom.kms.MaterialExpiry;
import io.keyloom.kms.MaterialFactory;
import io.keyloom.kms.QuotaService;
import io.keyloom.kms.RotationService;
import io.keyloom.kms.SignService;
import io.keyloom.kms.TagService;
import io.keyloom.metrics.NodeMetrics;
import io.keyloom.store.AliasStore;
import io.keyloom.store.Database;
import io.keyloom.store.GrantStore;
import io.keyloom.store.ImportedMaterial;
import io.keyloom.store.KeyDeletions;
import io.keyloom.store.KeyListing;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyTags;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;

/**
 * The composition root: the one place that knows every package and wires them by hand.
 *
 * <p>Start order: every check that needs no disk write first (TLS files, seed file, listening
 * address, data dir writable), then data dir, root key, database (migrated), root-key canary check,
 * identities (seed or first-start credentials), services, HTTP. Any failure stops the start with a
 * one-line message; a failed check leaves the disk as it was.
 */
public final class KeyloomServer implements AutoCloseable {
  /**
   * How often due keys are destroyed. A key is unusable and not found from its deletion date on,
   * whatever the sweep does; the period only bounds how long its rows outlive that date.
   */
  private static final Duration DELETION_SWEEP_PERIOD = Duration.ofMinutes(1);

  /**
   * How often due key rotations run: a due key rotates at most this late (docs/key-rotation.md).
   */
  private static final Duration ROTATION_SWEEP_PERIOD = Duration.ofMinutes(1);

  /** How often token-signing keys are checked for rotation (docs/root-of-trust.md). */
  private static final Duration TOKEN_KEY_SWEEP_PERIOD = Duration.ofHours(1);

  private final Vertx vertx;
  private final HttpApi api;
  private final Database database;
  private final KeyDestroyer destroyer;
  private final SeedApplier seeder;
  private final AuditLog audit;
  private final Optional<NodeMetrics> metrics;
  private final int port;

  private KeyloomServer(
      Vertx vertx,
      HttpApi api,
      Database database,
      KeyDestroyer destroyer,
      SeedApplier seeder,
      AuditLog audit,
      Optional<NodeMetrics> metrics,
      int port) {
    this.vertx = vertx;
    this.api = api;
    this.database = database;
    this.destroyer = destroyer;
    this.seeder = seeder;
    this.audit = audit;
    this.metrics = metrics;
    this.port = port;
  }

  /** Starts a server on the system UTC clock; messages for the operator go to {@code out}. */
  public static KeyloomServer start(ServerConfig config, PrintStream out)
      throws IOException, GeneralSecurityException, InterruptedException {
    return start(config, Clock.systemUTC(), out);
  }

  /**
   * Starts a server that reads time only from {@code clock} (token and credential expiry, clock
   * skew, key dates), so tests can move time instead of sleeping (--emulator: docs/emulator.md).
   */
  public static KeyloomServer start(ServerConfig config, Clock baseClock, PrintStream out)
      throws IOException, GeneralSecurityException, InterruptedException {
    // Checks first: a bad certificate, seed, port or data dir stops the start before the data dir
    // is touched.
    Optional<KeyManagerFactory> tls = config.tls().map(PemKeyStore::load);
    NodeWiring node =
        new NodeWiring(
            config,
            checkBeforeWriting(config),
            DataDir.open(config.dataDir(), true, config.rootKey(), config.postgres(), baseClock),
            baseClock);
    Vertx vertx = Vertx.vertx();
    try {
      return assemble(node, vertx, tls, out);
    } catch (IOException | GeneralSecurityException | InterruptedException | RuntimeException e) {
      vertx.close();
      node.data().close();
      throw e;
    }
  }

  /** Wires the node's parts in start order and starts serving. */
  private static KeyloomServer assemble(
      NodeWiring node, Vertx vertx, Optional<KeyManagerFactory> tls, PrintStream out)
      throws IOException, GeneralSecurityException, InterruptedException {
    ServerConfig config = node.config();
    Database db = node.db();
    IdentityWiring ids = node.identities();
    KeyCache cache = node.keyCache();
    KeyDestroyer destroyer = new KeyDestroyer(new KeyDeletions(db, node.clock()), cache);
    KeySweeps sweeps = new KeySweeps().add("destroyed", DELETION_SWEEP_PERIOD, destroyer::sweep);
    sweeps.add("material expired", DELETION_SWEEP_PERIOD, expiry(db, cache, node.clock())::sweep);
    KeyRotator rotator = node.rotator(cache);
    sweeps.add("rotated", ROTATION_SWEEP_PERIOD, rotator::sweep);
    sweeps.add("token keys rotated", TOKEN_KEY_SWEEP_PERIOD, node.data().serviceKeys()::maintain);
    sweeps.runAll(); // catch up with what fell due while the server was down
    // After the sweep: a seeded key destroyed while the server was down is made anew.
    SeedApplier seeder = node.seeder(ids, cache);
    seeder.applyAtStart(config.dataDir(), out);
    LoginProtection logins = new LoginProtection(ids.hasher(), node.clock());
    Optional<EmulatorControls> emulator = node.emulator(seeder, ids, destroyer, sweeps, logins);
    KmsServices kms = kmsServices(node, cache, rotator);
    AuditLog audit = AuditFiles.open(config.auditLog(), config.dataDir(), node.clock());
    Optional<NodeMetrics> metrics =
        MetricsWiring.of(config.metrics(), db, cache.stats(), logins, audit);
    HttpApi api =
        new HttpApi(
            vertx,
            ids.authenticator(),
            node.apiServices(kms, ids, logins, emulator, audit, metrics));
    int port = listen(api, config, tls, out);
    SweepSchedule.start(vertx, sweeps);
    return new KeyloomServer(vertx, api, db, destroyer, seeder, audit, metrics, port);
  }

  /** The checks that need no disk write; returns the loaded seed, if any. */
  private static Optional<SeedFile> checkBeforeWriting(ServerConfig config) {
    Optional<SeedFile> seed = config.seedFile().map(new SeedLoader(System.getenv())::read);
    PortCheck.probe(config.host(), config.port());
    DataDir.checkUsable(config.dataDir());
    return seed;
  }

  private static int listen(
      HttpApi api, ServerConfig config, Optional<KeyManagerFactory> tls, PrintStream out)
      throws InterruptedException, IOException {
    ExposureWarnings.log(config, tls.isPresent());
    int port =
        api.start(
            new HttpApi.Listener(
                config.host(),
                config.port(),
                tls,
                config.publicUrl().map(PublicUrl::value),
                config.connections()));
    String scheme = tls.isPresent() ? "https" : "http";
    // One write of the whole line: supervisors and tests read the port from it as it appears.
    out.print(
        String.format(
            "Keyloom %s listening on %s://%s:%d%n",
            Keyloom.version(), scheme, config.host(), port));
    out.flush();
    return port;
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** Every route served, as {@code METHOD /path/{param}} (docs/openapi.md). */
  public List<String> routes() {
    return api.routes();
  }

  /**
   * Destroys every key whose deletion date has passed, now, on the calling thread; the periodic
   * sweep does the same. For tests that move the clock, and for operators' tooling.
   *
   * @return how many keys were destroyed
   */
  public int sweepDeletions() {
    return destroyer.sweep();
  }

  /** The KMS services over the database, sharing the node's one key cache. */
  private static KmsServices kmsServices(NodeWiring node, KeyCache cache, KeyRotator rotator)
      throws GeneralSecurityException {
    ServerConfig config = node.config();
    Database db = node.db();
    KeyWrapper wrapper = node.wrapper();
    Clock clock = node.clock();
    SecureRandom random = node.random();
    KeyRepository keys = new KeyRepository(db, clock);
    return new KmsServices(
        new KeyService(keys, cache, new MaterialFactory(wrapper, random), clock, config.keyQuota()),
        new KeyListService(new KeyListing(db, clock)),
        new DeletionService(keys, new KeyDeletions(db, clock), cache, clock),
        new QuotaService(keys, new GrantStore(db), config.keyQuota()),
        new DataService(cache),
        new SignService(cache),
        new DataKeyService(cache, random),
        new KeyPairService(cache, random),
        new ImportService(
            cache,
            new ImportedMaterial(db, clock),
            new MaterialFactory(wrapper, random),
            importSecrets(node.data(), random),
            clock),
        new MacService(cache),
        new RotationService(new KeyRotations(db), cache, rotator),
        new AliasService(new AliasStore(db), cache, clock),
        new TagService(new KeyTags(db, clock), cache),
        new GrantService(new GrantStore(db), cache, clock, random));
  }

  /** Deletes imported material past its expiration (docs/key-import.md). */
  private static MaterialExpiry expiry(Database db, KeyCache cache, Clock clock) {
    return new MaterialExpiry(new ImportedMaterial(db, clock), cache);
  }

  /** The import-token and material-check keys stored under the root key. */
  private static ImportSecrets importSecrets(DataDir data, SecureRandom random) {
    ServiceKeyManager keys = data.serviceKeys();
    return new ImportSecrets(
        new ImportTokens(keys.signing("import-token")),
        new MaterialCheck(keys.check(ServiceKeyManager.MATERIAL_CHECK)),
        random);
  }

  /**
   * The seed file's identities and keys applied again, as at start (docs/seed-keys.md); for a reset
   * that has emptied the key store.
   */
  public SeedApplier seeder() {
    return seeder;
  }

  /**
   * Makes the store fail every write that needs more space with {@code SQLITE_FULL}, as a full disk
   * does, or ends that; the seam for fault tests (docs/storage.md).
   */
  public void simulateDiskFull(boolean full) {
    database.simulateDiskFull(full);
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    api.close();
    audit.close(); // after the requests: their lines are written
    database.close();
    metrics.ifPresent(NodeMetrics::close);
  }
}
