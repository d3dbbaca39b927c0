package io.keyloom.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A SoftHSM2 installation of its own in a temp dir (config and token dir), with tokens made by
 * {@code softhsm2-util} and AES keys by {@code pkcs11-tool} (Debian packages softhsm2 and opensc,
 * which {@code .ci/run} installs). Not skipped when they are missing: the PKCS#11 root key is
 * tested on every build (docs/root-of-trust.md).
 */
final class SoftHsm {
  static final List<Path> LIBRARIES =
      List.of(
          Path.of("/usr/lib/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
          Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"));

  final Path conf;
  final Path library;

  SoftHsm(Path dir) throws IOException {
    library =
        LIBRARIES.stream()
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("SoftHSM2 is not installed: apt-get install softhsm2"));
    Path tokens = Files.createDirectories(dir.resolve("tokens"));
    conf = dir.resolve("softhsm2.conf");
    Files.writeString(
        conf,
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
  }

  /** The environment a process needs to see these tokens. */
  Map<String, String> env() {
    return Map.of("SOFTHSM2_CONF", conf.toString());
  }

  /** Makes a token labelled {@code label} with user PIN {@code pin}. */
  SoftHsm token(String label, String pin) {
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        label,
        "--pin",
        pin,
        "--so-pin",
        "so-" + pin);
    return this;
  }

  /**
   * Makes an AES-256 key labelled {@code key} on the token; sensitive unless {@code extractable}.
   */
  SoftHsm aesKey(String token, String pin, String key, boolean extractable) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "pkcs11-tool",
                "--module",
                library.toString(),
                "--token-label",
                token,
                "--login",
                "--pin",
                pin,
                "--keygen",
                "--key-type",
                "AES:32",
                "--label",
                key));
    cmd.add(extractable ? "--extractable" : "--sensitive");
    run(cmd.toArray(String[]::new));
    return this;
  }

  private void run(String... cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().putAll(env());
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
      }
    } catch (IOException e) {
      throw new AssertionError(
          cmd[0] + " is not installed: apt-get install softhsm2 opensc (.ci/run does)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
