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
  private final Path dir;

  private OpenSsl(Path dir) {
    this.dir = dir;
  }

  /** The result of one run. */
  public record Result(int exitCode, String output) {}

  /** True when an {@code openssl} binary answers {@code openssl version}. */
  public static boolean available() {
    try {
      return run(Path.of(System.getProperty("java.io.tmpdir")), List.of("version")).exitCode() == 0;
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** A new working directory. */
  public static OpenSsl workspace() {
    try {
      return new OpenSsl(Files.createTempDirectory("keyloom-openssl"));
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
    return run(dir, List.of(args));
  }

  private static Result run(Path dir, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add("openssl");
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
