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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code keyloom serve} started as its own process, as a reader of the README starts it: {@code
 * ./keyloom} is {@code java -cp <test classpath> io.keyloom.Keyloom} (the launcher only adds a
 * build). Its output goes to a log file, so a chatty server can never block on a full pipe.
 */
public final class KeyloomProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (https?://[^\\s]+)\\R");
  private final Process process;
  private final Path log;
  private final String endpoint;

  private KeyloomProcess(Process process, Path log, String endpoint) {
    this.process = process;
    this.log = log;
    this.endpoint = endpoint;
  }

  /** The command that stands for {@code ./keyloom}: this JVM's java with the test classpath. */
  public static List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED", // as the jar
        "-cp",
        System.getProperty("java.class.path"),
        "io.keyloom.Keyloom");
  }

  /**
   * Runs {@code keyloom args...} in {@code dir} with {@code env} added to this JVM's environment,
   * writing its output to {@code log}; returns once it prints where it listens.
   */
  public static KeyloomProcess serve(List<String> args, Path dir, Map<String, String> env, Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>(command());
    cmd.addAll(args);
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      Matcher m = LISTENING.matcher(text);
      if (m.find()) {
        return new KeyloomProcess(p, log, m.group(1));
      }
      if (!p.isAlive()) {
        throw new AssertionError("keyloom " + args + " exited before listening:\n" + text);
      }
      sleep();
    }
    p.destroyForcibly();
    throw new AssertionError("keyloom " + args + " did not listen within 60 s");
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
  public String endpoint() {
    return endpoint;
  }

  /** Everything the server printed so far. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 20 s) and waits for it. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
