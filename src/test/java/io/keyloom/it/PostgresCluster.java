package io.keyloom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One private PostgreSQL server per test JVM (docs/testing.md): {@code initdb} into a temporary
 * directory, {@code pg_ctl start} on a free port, listening on 127.0.0.1 only (no Unix socket), a
 * login user {@code keyloom} with a random password (scram-sha-256). PostgreSQL refuses to run as
 * root, so under root (as in CI) every server command runs as the {@code postgres} OS user, in a
 * directory it owns. Durability is off (fsync, full-page writes): the cluster dies with the JVM.
 *
 * <p>Without PostgreSQL binaries the tests that need it are skipped, unless the environment
 * variable {@code CI} is set: then they fail, so that CI never passes without running them.
 */
final class PostgresCluster {
  /** The user Keyloom logs in as. */
  static final String USER = "keyloom";

  private static final String ADMIN = "keyloom_admin";
  private static PostgresCluster instance;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String adminPassword = randomPassword();
  private final String password = randomPassword();

  private PostgresCluster(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** The running cluster, started on first use; skips (or, in CI, fails) without PostgreSQL. */
  static synchronized PostgresCluster get() {
    if (instance == null) {
      Optional<Path> bin = binaries();
      if (bin.isEmpty()) {
        String why = "no PostgreSQL binaries (initdb) under /usr/lib/postgresql/*/bin";
        if (System.getenv("CI") != null) {
          throw new IllegalStateException(why + ": required in CI (.ci/run installs them)");
        }
        Assumptions.abort(why + ": PostgreSQL tests skipped outside CI");
      }
      instance = start(bin.get());
    }
    return instance;
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/database}. */
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** The password of {@link #USER}. */
  String password() {
    return password;
  }

  /** The superuser's password, for {@link TestDatabases}. */
  String adminPassword() {
    return adminPassword;
  }

  /** The superuser's name. */
  String admin() {
    return ADMIN;
  }

  /** The cluster's server log so far. */
  String log() throws IOException {
    return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
  }

  private static Optional<Path> binaries() {
    String given = System.getenv("KEYLOOM_TEST_PG_BIN");
    if (given != null) {
      return Optional.of(Path.of(given)).filter(p -> Files.isExecutable(p.resolve("initdb")));
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int versionOf(Path dir) {
    String name = dir.getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static PostgresCluster start(Path bin) {
    try {
      Path dir = Files.createTempDirectory(Path.of("/tmp"), "keyloom-pg");
      PostgresCluster c = new PostgresCluster(bin, dir, freePort());
      Runtime.getRuntime().addShutdownHook(new Thread(c::stop));
      c.initdb();
      c.pgCtl(
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "-o",
          "-c listen_addresses=127.0.0.1 -p "
              + c.port
              + " -c unix_socket_directories='' -c fsync=off -c full_page_writes=off"
              + " -c synchronous_commit=off -c max_connections=400",
          "start");
      TestDatabases.createUser(c);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL", e);
    }
  }

  private void initdb() throws IOException {
    Path pwfile = dir.resolve("admin.pw");
    Files.writeString(pwfile, adminPassword, StandardCharsets.UTF_8);
    if (asRoot()) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
      Files.setOwner(pwfile, postgres);
    }
    run(
        bin.resolve("initdb").toString(),
        "-D",
        dir.resolve("data").toString(),
        "--no-locale",
        "-E",
        "UTF8",
        "-U",
        ADMIN,
        "--pwfile=" + pwfile,
        "--auth-host=scram-sha-256",
        "--auth-local=reject");
  }

  private void pgCtl(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString()));
    cmd.addAll(List.of(args));
    run(cmd.toArray(String[]::new));
  }

  private void run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (asRoot()) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("keyloom-pg", ".out");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(
            args[0] + " failed: " + Files.readString(out, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private void stop() {
    try {
      pgCtl("-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | RuntimeException e) {
      // not started, or already gone: the directory goes anyway
    }
    TempDirs.delete(dir);
  }

  private static boolean asRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String randomPassword() {
    byte[] b = new byte[12];
    new SecureRandom().nextBytes(b);
    return "kl-pw-" + HexFormat.of().formatHex(b);
  }
}
