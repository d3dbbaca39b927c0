package io.keyloom.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The release tarball of this build ({@code target/keyloom-<version>-<platform>.tar.gz}, made by
 * {@code src/dist/build-dist.sh} in the package phase), unpacked into a temporary directory, and
 * the environment of a machine without Java to run it in: a {@code PATH} holding every command of
 * the test machine's {@code PATH} except Java's, and no {@code JAVA_HOME}.
 */
final class Distribution implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (https?)://127\\.0\\.0\\.1:(\\d+)\\R");

  /** The temporary directory holding everything below (deleted by {@link #close}). */
  final Path work;

  /** The unpacked distribution: {@code bin/}, {@code lib/}, {@code runtime/}. */
  final Path home;

  /** The release jar next to the tarball ({@code target/keyloom-<version>.jar}). */
  final Path releaseJar;

  private final Path noJavaPath;

  private Distribution(Path work, Path home, Path releaseJar, Path noJavaPath) {
    this.work = work;
    this.home = home;
    this.releaseJar = releaseJar;
    this.noJavaPath = noJavaPath;
  }

  /** The version Maven builds; DistributionIT runs only under the pom's dist-it execution. */
  static String version() {
    String version = System.getProperty("keyloom.version");
    if (version == null) {
      throw new AssertionError(
          "keyloom.version is unset: DistributionIT runs after package, under `mvn -B verify`"
              + " (surefire execution dist-it), see docs/packaging.md");
    }
    return version;
  }

  /** Unpacks the tarball of this build into a new temporary directory. */
  static Distribution unpack() throws IOException, InterruptedException {
    Path target = Path.of(System.getProperty("keyloom.build.dir", "target"));
    String name = "keyloom-" + version();
    Path tarball = tarball(target, name);
    Path work = Files.createTempDirectory("keyloom-dist");
    try {
      runOrFail(List.of("tar", "-xzf", tarball.toString(), "-C", work.toString()));
      Distribution d =
          new Distribution(
              work, work.resolve(name), target.resolve(name + ".jar"), noJavaPath(work));
      Files.createDirectories(work.resolve("tmp"));
      return d;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      TempDirs.delete(work);
      throw e;
    }
  }

  /** The one {@code NAME-<os>-<arch>.tar.gz} in {@code target}. */
  private static Path tarball(Path target, String name) throws IOException {
    Pattern tarball = Pattern.compile(Pattern.quote(name) + "-[a-z0-9_]+-[a-z0-9_]+\\.tar\\.gz");
    List<Path> found;
    try (Stream<Path> files = Files.list(target)) {
      found = files.filter(p -> tarball.matcher(p.getFileName().toString()).matches()).toList();
    }
    if (found.size() != 1) {
      throw new AssertionError("expected one " + name + "-*.tar.gz in " + target + ": " + found);
    }
    return found.get(0);
  }

  /**
   * A directory of links to every command on this machine's PATH except those of a JDK (on Debian
   * /usr/bin/java is a link into /usr/lib/jvm), so that PATH cannot simply drop /usr/bin.
   */
  private static Path noJavaPath(Path work) throws IOException {
    Path bin = Files.createDirectories(work.resolve("path"));
    for (String dir : System.getenv("PATH").split(":")) {
      Path d = Path.of(dir.isEmpty() ? "." : dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> commands = Files.list(d)) {
        for (Path c : commands.toList()) {
          Path link = bin.resolve(c.getFileName().toString());
          if (Files.isExecutable(c) && !Files.exists(link) && !isJava(c)) {
            Files.createSymbolicLink(link, c.toAbsolutePath());
          }
        }
      }
    }
    return bin;
  }

  private static boolean isJava(Path command) {
    String name = command.getFileName().toString();
    try {
      Path real = command.toRealPath();
      return name.equals("java")
          || real.startsWith(Path.of(System.getProperty("java.home")).toRealPath())
          || real.toString().contains("/jvm/");
    } catch (IOException e) {
      return true; // a dangling link runs nothing either
    }
  }

  /** The environment of a machine without Java: no JAVA_HOME, no java on the PATH. */
  Map<String, String> environment() {
    return Map.of(
        "PATH", noJavaPath.toString(),
        "HOME", work.toString(),
        // the server's temporary files (SQLite's native library) stay inside work
        "KEYLOOM_JAVA_OPTS", "-Djava.io.tmpdir=" + work.resolve("tmp"));
  }

  /** Runs a command in {@link #environment()} and returns its exit code and output. */
  Result run(String... command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(environment());
    return result(List.of(command), pb.start());
  }

  record Result(int exitCode, String output) {}

  private static void runOrFail(List<String> command) throws IOException, InterruptedException {
    Result r = result(command, new ProcessBuilder(command).redirectErrorStream(true).start());
    if (r.exitCode() != 0) {
      throw new AssertionError(command + " failed with " + r.exitCode() + ":\n" + r.output());
    }
  }

  private static Result result(List<String> command, Process p)
      throws IOException, InterruptedException {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not end within 60 s:\n" + out);
    }
    return new Result(p.exitValue(), out);
  }

  /** {@code bin/keyloom serve ARGS} without Java on the PATH, once it prints its address. */
  Server serve(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/keyloom").toString()));
    command.addAll(List.of("serve", "--port", "0"));
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "server", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(environment());
    Server server = new Server(pb.redirectOutput(log.toFile()).start(), log);
    server.awaitListening();
    return server;
  }

  /** A server process started from the distribution; {@link #close} stops it. */
  static final class Server implements AutoCloseable {
    final Process process;
    private final Path log;
    String scheme;
    int port;

    private Server(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    String log() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    private void awaitListening() throws IOException, InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline) {
        Matcher m = LISTENING.matcher(log());
        if (m.find()) {
          scheme = m.group(1);
          port = Integer.parseInt(m.group(2));
          return;
        }
        if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
          throw new AssertionError("server exited with " + process.exitValue() + ":\n" + log());
        }
      }
      close();
      throw new AssertionError("server did not listen within 60 s:\n" + log());
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    TempDirs.delete(work);
  }
}
