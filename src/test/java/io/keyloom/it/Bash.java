package io.keyloom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell code and the example scripts the way a user's terminal does: {@code bash}, a working
 * directory, an environment without the test machine's own {@code KEYLOOM_*} settings.
 */
public final class Bash {
  private static final int TIMEOUT_SECONDS = 120;

  private Bash() {}

  /** The exit code and the combined stdout and stderr of one run. */
  public record Result(int exitCode, String output) {
    @Override
    public String toString() {
      return "exit " + exitCode + ", output:\n" + output;
    }
  }

  /**
   * Fails the calling test unless {@code curl --version} runs. The examples are curl scripts; a
   * machine without curl is broken for them, not a reason to skip ({@code .ci/run} installs it).
   */
  public static void requireCurl() {
    requireTool("curl");
  }

  static void requireTool(String tool) {
    boolean answers;
    try {
      answers = run(Path.of("."), Map.of(), tool, "--version").exitCode() == 0;
    } catch (UncheckedIOException e) {
      answers = false;
    }
    if (!answers) {
      throw new AssertionError(
          "'"
              + tool
              + " --version' does not run: the examples and README tests need "
              + tool
              + " on the PATH (apt-get install "
              + tool
              + "); they fail rather than skip");
    }
  }

  /** Runs {@code bash -c code} in {@code dir}. */
  public static Result script(Path dir, Map<String, String> env, String code) {
    return run(dir, env, "bash", "-c", code);
  }

  /** Runs {@code command...} in {@code dir} with {@code env} on top of a KEYLOOM_*-free one. */
  public static Result run(Path dir, Map<String, String> env, String... command) {
    ProcessBuilder pb =
        new ProcessBuilder(new ArrayList<>(List.of(command)))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("KEYLOOM_"));
    pb.environment().putAll(env);
    Path out = null;
    try {
      // A file, not a pipe: a hanging command then still times out instead of blocking a read.
      out = Files.createTempFile("bash", ".out");
      Process p = pb.redirectOutput(out.toFile()).start();
      p.getOutputStream().close();
      boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      return done ? new Result(p.exitValue(), text) : new Result(-1, text + "\n(timed out)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      TempDirs.delete(out);
    }
  }
}
