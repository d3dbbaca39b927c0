package io.keyloom;

import io.keyloom.config.RootKeyConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The root-key flags of {@code serve} and {@code admin} (docs/root-of-trust.md). */
final class RootKeyOptions {
  @Option(
      names = "--root-key-file",
      defaultValue = "${env:KEYLOOM_ROOT_KEY_FILE}",
      description =
          "Root key file shared by the nodes of one database, created 0600 when missing"
              + " (env KEYLOOM_ROOT_KEY_FILE, default root.key in the data dir).")
  Path file;

  @Option(
      names = "--pkcs11-library",
      defaultValue = "${env:KEYLOOM_PKCS11_LIBRARY}",
      description =
          "PKCS#11 module of the HSM holding the root key; the PIN comes from env"
              + " KEYLOOM_PKCS11_PIN only (env KEYLOOM_PKCS11_LIBRARY).")
  Path library;

  @Option(
      names = "--pkcs11-token",
      defaultValue = "${env:KEYLOOM_PKCS11_TOKEN}",
      description = "Label of the HSM token (env KEYLOOM_PKCS11_TOKEN).")
  String token;

  @Option(
      names = "--pkcs11-key",
      defaultValue = "${env:KEYLOOM_PKCS11_KEY}",
      description =
          "Label of the non-extractable AES-256 root key on that token (env KEYLOOM_PKCS11_KEY).")
  String key;

  RootKeyConfig config() {
    return RootKeyConfig.of(file, library, token, key);
  }
}
