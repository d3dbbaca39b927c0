package io.keyloom;

import io.keyloom.auth.Authenticator;
import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.PasswordHasher;
import io.keyloom.auth.SecurityTokens;
import io.keyloom.auth.TokenCodec;
import io.keyloom.auth.TokenService;
import io.keyloom.auth.sig.AkSkVerifier;
import io.keyloom.config.SeedLoader;
import io.keyloom.config.ServerConfig;
import io.keyloom.crypto.RootKey;
import io.keyloom.http.HttpApi;
import io.keyloom.http.IamServices;
import io.keyloom.http.KmsServices;
import io.keyloom.kms.DataKeyService;
import io.keyloom.kms.DataService;
import io.keyloom.kms.KeyCache;
import io.keyloom.kms.KeyPairService;
import io.keyloom.kms.KeyService;
import io.keyloom.kms.SignService;
import io.keyloom.store.Database;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.KeyRepository;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: the one place that knows every package and wires them by hand.
 *
 * <p>Start order: data dir, root key, database (migrated), root-key canary check, identities (seed
 * or first-start credentials), services, HTTP. Any failure stops the start with a message.
 */
public final class KeyloomServer implements AutoCloseable {
  private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
  private static final Duration KEY_METADATA_TTL = Duration.ofSeconds(2);
  private final Vertx vertx;
  private final Database database;
  private final int port;

  private KeyloomServer(Vertx vertx, Database database, int port) {
    this.vertx = vertx;
    this.database = database;
    this.port = port;
  }

  /** Starts a server on the system UTC clock; messages for the operator go to {@code out}. */
  public static KeyloomServer start(ServerConfig config, PrintStream out)
      throws IOException, GeneralSecurityException, InterruptedException {
    return start(config, Clock.systemUTC(), out);
  }

  /**
   * Starts a server that reads time only from {@code clock} (token and credential expiry, clock
   * skew, key dates), so tests can move time instead of sleeping.
   */
  public static KeyloomServer start(ServerConfig config, Clock clock, PrintStream out)
      throws IOException, GeneralSecurityException, InterruptedException {
    DataDir data = DataDir.open(config.dataDir(), true);
    RootKey rootKey = data.rootKey();
    Database db = data.database();
    Vertx vertx = null;
    try {
      SecureRandom random = new SecureRandom();
      IdentityRepository identities = new IdentityRepository(db, clock);
      SecurityTokens securityTokens = SecurityTokens.fromRootKey(rootKey, random, clock);
      IdentityDirectory directory =
          new IdentityDirectory(identities, rootKey.wrapper(), securityTokens);
      PasswordHasher hasher = new PasswordHasher(random);
      IdentityAdmin admin =
          new IdentityAdmin(identities, directory, rootKey.wrapper(), hasher, random);
      applyIdentities(config, admin, out);

      TokenCodec tokens =
          new TokenCodec(rootKey.deriveKey("x-auth-token/v1", 32).toByteArray(), clock);
      Authenticator authenticator =
          new Authenticator(new AkSkVerifier(directory, clock, MAX_CLOCK_SKEW), tokens, directory);
      KeyRepository keys = new KeyRepository(db, clock);
      KeyCache cache = new KeyCache(keys, rootKey.wrapper(), KEY_METADATA_TTL);
      vertx = Vertx.vertx();
      HttpApi api =
          new HttpApi(
              vertx,
              authenticator,
              config.maxBodyBytes(),
              new KmsServices(
                  new KeyService(keys, cache, rootKey.wrapper(), random, clock),
                  new DataService(cache),
                  new SignService(cache),
                  new DataKeyService(cache, random),
                  new KeyPairService(cache, random)),
              new IamServices(
                  new TokenService(identities, hasher, tokens, clock, config.tokenTtl()),
                  directory,
                  securityTokens));
      int port = api.start(config.host(), config.port());
      out.printf("Keyloom %s listening on http://%s:%d%n", Keyloom.version(), config.host(), port);
      return new KeyloomServer(vertx, db, port);
    } catch (IOException | GeneralSecurityException | InterruptedException | RuntimeException e) {
      if (vertx != null) {
        vertx.close();
      }
      db.close();
      throw e;
    }
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
    database.close();
  }

  private static void applyIdentities(ServerConfig config, IdentityAdmin admin, PrintStream out)
      throws IOException {
    if (config.seedFile().isPresent()) {
      admin.apply(new SeedLoader(System.getenv()).load(config.seedFile().get()));
    } else if (admin.isEmpty()) {
      IdentityAdmin.Bootstrap b = admin.bootstrap();
      BootstrapFile.write(config.dataDir().resolve("credentials.json"), b);
      BootstrapFile.print(out, b, config.dataDir().resolve("credentials.json"));
    }
  }
}
