package io.keyloom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code openssl} command-line tool as an independent verifier: files go into a fresh temporary
 * directory, the tool runs there, and the result is its exit code and combined output.
 */
public final class OpenSsl {
  private static final String BINARY = "openssl";
  private final Path dir;

  private OpenSsl(Path dir) {
    this.dir = dir;
  }

  /** The result of one run. */
  public record Result(int exitCode, String output) {}

  /**
   * Fails the calling test unless an {@code openssl} binary answers {@code openssl version}. A
   * missing binary is a broken test machine, not a reason to skip: {@code .ci/run} installs it, and
   * a skipped interop test would let a regression through unnoticed.
   */
  public static void require() {
    require(BINARY);
  }

  static void require(String binary) {
    boolean answers;
    try {
      answers = run(binary, Path.of("."), List.of("version")).exitCode() == 0;
    } catch (UncheckedIOException e) {
      answers = false;
    }
    if (!answers) {
      throw new AssertionError(
          "'"
              + binary
              + " version' does not run: the OpenSSL interop tests need the openssl command line"
              + " tool on the PATH (apt-get install openssl); they fail rather than skip");
    }
  }

  /** A new working directory inside {@code parent} (a JUnit {@code @TempDir}, which removes it). */
  public static OpenSsl workspace(Path parent) {
    try {
      return new OpenSsl(Files.createTempDirectory(parent, "openssl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code content} to {@code name} in the workspace. */
  public OpenSsl write(String name, byte[] content) {
    try {
      Files.write(dir.resolve(name), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} (UTF-8) to {@code name} in the workspace. */
  public OpenSsl write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads {@code name} from the workspace. */
  public byte[] read(String name) {
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code openssl args...} in the workspace. */
  public Result run(String... args) {
    return run(BINARY, dir, List.of(args));
  }

  private static Result run(String binary, Path dir, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(args);
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, out + "\n(timed out)");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
