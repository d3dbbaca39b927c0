package io.keyloom.it;

import io.keyloom.KeyloomServer;
import io.keyloom.config.ConnectionLimits;
import io.keyloom.config.PostgresSettings;
import io.keyloom.config.PublicUrl;
import io.keyloom.config.ServerConfig;
import io.keyloom.config.TlsSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Keyloom server on a random loopback port, seeded with two tenants, for integration tests.
 * Every test class gets its own data directory, deleted by {@link #close()}, and in a PostgreSQL
 * run ({@link TestDatabases}) its own database, dropped by {@link #close()}.
 */
public final class TestServer implements AutoCloseable {
  /** Domain acme, project cn-north-4. */
  public static final String DOMAIN = "acme";

  public static final String DOMAIN_ID = "5a1c0e7f3b2d4c6e8f9a0b1c2d3e4f50";
  public static final String PROJECT = "cn-north-4";
  public static final String PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  public static final String PROJECT_2 = "cn-south-1";
  public static final String PROJECT_2_ID = "1b2c3d4e5f60718293a4b5c6d7e8f90a";
  public static final String USER = "alice";
  public static final String PASSWORD = "Alice-Passw0rd!";
  public static final String AK = "ALICEACCESSKEY000001";
  public static final String SK = "aliceSecretKey0000000000000000000000001";

  /** Domain globex, another tenant. */
  public static final String OTHER_DOMAIN = "globex";

  public static final String OTHER_PROJECT_ID = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
  public static final String OTHER_USER = "bob";
  public static final String OTHER_PASSWORD = "Bob-Passw0rd!";
  public static final String OTHER_AK = "BOBACCESSKEY00000001";
  public static final String OTHER_SK = "bobSecretKey00000000000000000000000000001";

  static final String SEED =
      """
      domains:
        - name: acme
          id: 5a1c0e7f3b2d4c6e8f9a0b1c2d3e4f50
          projects:
            - name: cn-north-4
              id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9
            - name: cn-south-1
              id: 1b2c3d4e5f60718293a4b5c6d7e8f90a
          users:
            - name: alice
              password: "Alice-Passw0rd!"
              access_keys:
                - access: ALICEACCESSKEY000001
                  secret: aliceSecretKey0000000000000000000000001
        - name: globex
          projects:
            - name: cn-north-4
              id: 9f8e7d6c5b4a39281706f5e4d3c2b1a0
          users:
            - name: bob
              password: "Bob-Passw0rd!"
              access_keys:
                - access: BOBACCESSKEY00000001
                  secret: bobSecretKey00000000000000000000000000001
      """;

  /**
   * The key quota of test servers unless a test sets one: high enough that no test class runs into
   * it by accident (quota tests start their own server with a small quota).
   */
  public static final int TEST_KEY_QUOTA = 1000;

  private final Path dataDir;
  private final int keyQuota;
  private ConnectionLimits limits = ConnectionLimits.defaults();
  private final TestClock clock = new TestClock();
  private Optional<TlsSettings> tls = Optional.empty();
  private Optional<PublicUrl> publicUrl = Optional.empty();
  private boolean emulator = true;
  private int throttle;
  private boolean metrics = true;
  private String seed = SEED;
  private KeyloomServer server;
  private Optional<PostgresSettings> database = Optional.empty();

  private TestServer(Path dataDir, int keyQuota) {
    this.dataDir = dataDir;
    this.keyQuota = keyQuota;
  }

  /** Starts a server in a new temporary data directory. */
  public static TestServer start() {
    return start(TEST_KEY_QUOTA);
  }

  /** Starts a server whose projects may hold at most {@code keyQuota} keys. */
  public static TestServer start(int keyQuota) {
    return start(keyQuota, s -> {});
  }

  /** Starts a server that serves only HTTPS with the given PEM files ({@link TestCa}). */
  public static TestServer startTls(TlsSettings tls) {
    return start(s -> s.tls = Optional.of(tls));
  }

  /** Starts an HTTPS-only server with the given timeouts and connection cap. */
  public static TestServer startTls(TlsSettings tls, ConnectionLimits limits) {
    return start(
        s -> {
          s.tls = Optional.of(tls);
          s.limits = limits;
        });
  }

  /** Starts a server with the given timeouts and connection cap. */
  public static TestServer start(ConnectionLimits limits) {
    return start(s -> s.limits = limits);
  }

  /** Starts a server applying {@code seedYaml} instead of the standard two-tenant seed. */
  public static TestServer startWithSeed(String seedYaml) {
    return start(s -> s.seed = seedYaml);
  }

  /**
   * Stops the server and starts it on the same data directory with another seed file; throws
   * (leaving the server stopped) when that start fails.
   */
  public void restartWithSeed(String seedYaml) {
    seed = seedYaml;
    restart();
  }

  /** Starts a plain-HTTP server whose links use {@code publicUrl} (--public-url). */
  public static TestServer startWithPublicUrl(String publicUrl) {
    return start(s -> s.publicUrl = PublicUrl.of(publicUrl));
  }

  /** Starts a server with {@code --throttle perSecond} and {@code --emulator=<emulator>}. */
  public static TestServer startWithThrottle(int perSecond, boolean emulator) {
    return start(
        s -> {
          s.throttle = perSecond;
          s.emulator = emulator;
        });
  }

  /** Starts a server with {@code --emulator=false}: no controls under /keyloom/v1/. */
  public static TestServer startWithoutEmulator() {
    return start(s -> s.emulator = false);
  }

  /** Starts a server with {@code --metrics=false}: no GET /metrics, nothing recorded. */
  public static TestServer startWithoutMetrics() {
    return start(s -> s.metrics = false);
  }

  private static TestServer start(java.util.function.Consumer<TestServer> options) {
    return start(TEST_KEY_QUOTA, options);
  }

  private static TestServer start(int keyQuota, java.util.function.Consumer<TestServer> options) {
    Path dir;
    try {
      dir = Files.createTempDirectory("keyloom-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TestServer s = new TestServer(dir, keyQuota);
    try {
      s.database = TestDatabases.forServer();
      options.accept(s);
      s.restart();
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Stops the server, keeping its data directory, until {@link #restart}. */
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** Stops (if running) and starts again on the same data directory. */
  public void restart() {
    if (server != null) {
      server.close();
      server = null;
    }
    try {
      Path seed = seedFile();
      Files.writeString(seed, this.seed, StandardCharsets.UTF_8);
      ServerConfig config =
          new ServerConfig(
              "127.0.0.1",
              0,
              dataDir,
              Optional.of(seed),
              ServerConfig.DEFAULT_MAX_BODY_BYTES,
              Duration.ofHours(1),
              keyQuota,
              tls,
              publicUrl,
              limits,
              emulator,
              throttle,
              Optional.empty(),
              metrics,
              null,
              database);
      server =
          KeyloomServer.start(
              config,
              clock,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException("server did not start", e);
    }
  }

  /** {@code http://127.0.0.1:PORT}, or {@code https://...} for a TLS server. */
  public String endpoint() {
    return (tls.isPresent() ? "https" : "http") + "://127.0.0.1:" + server.port();
  }

  /** The server's clock; moving it moves the server's notion of now, also across restarts. */
  public TestClock clock() {
    return clock;
  }

  /** The server's route table, as {@code METHOD /path/{param}} lines. */
  public java.util.List<String> routes() {
    return server.routes();
  }

  /** Runs the deletion sweep now, as the server's timer would; returns the keys destroyed. */
  public int sweepDeletions() {
    return server.sweepDeletions();
  }

  /** Makes writes that need more space fail as on a full disk ({@code false}: space is back). */
  public void simulateDiskFull(boolean full) {
    server.simulateDiskFull(full);
  }

  /** The seed file the server reads, in the data directory. */
  public Path seedFile() {
    return dataDir.resolve("seed.yaml");
  }

  /** The data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** The PostgreSQL database in a PostgreSQL run; empty when the store is SQLite. */
  public Optional<PostgresSettings> database() {
    return database;
  }

  /** Stops the server, then deletes its data directory (root key included). */
  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try {
        TestDatabases.drop(database);
      } finally {
        TempDirs.delete(dataDir);
      }
    }
  }
}
