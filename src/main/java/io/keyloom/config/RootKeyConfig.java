package io.keyloom.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the root key lives (docs/root-of-trust.md): by default {@code root.key} in the data dir; a
 * shared file for several nodes ({@code --root-key-file}); or an AES key in an HSM through PKCS#11
 * ({@code --pkcs11-library}, {@code --pkcs11-token}, {@code --pkcs11-key}, PIN from the environment
 * only). At most one of the two may be set.
 *
 * @param file {@code --root-key-file}, created 0600 on the first start when missing
 * @param pkcs11 the HSM's library, token label and key label
 */
public record RootKeyConfig(Optional<Path> file, Optional<Pkcs11> pkcs11) {
  /** The environment variable that holds the PKCS#11 user PIN: never a flag, never logged. */
  public static final String PIN_ENV = "KEYLOOM_PKCS11_PIN";

  /** An HSM key: the PKCS#11 module, the token's label and the AES key's label. */
  public record Pkcs11(Path library, String token, String key) {}

  /** Validates that the settings name one place for the root key. */
  public RootKeyConfig {
    file = file == null ? Optional.empty() : file;
    pkcs11 = pkcs11 == null ? Optional.empty() : pkcs11;
    if (file.isPresent() && pkcs11.isPresent()) {
      throw new IllegalArgumentException(
          "--root-key-file and --pkcs11-library exclude each other: the root key lives in one place");
    }
  }

  /** The default: {@code root.key} in the data dir. */
  public static RootKeyConfig inDataDir() {
    return new RootKeyConfig(Optional.empty(), Optional.empty());
  }

  /**
   * The settings from flag (or environment) values, any of them null; the three PKCS#11 values come
   * together or not at all.
   */
  public static RootKeyConfig of(Path file, Path library, String token, String key) {
    int given = (library != null ? 1 : 0) + (blank(token) ? 0 : 1) + (blank(key) ? 0 : 1);
    if (given != 0 && given != 3) {
      throw new IllegalArgumentException(
          "--pkcs11-library, --pkcs11-token and --pkcs11-key must be given together");
    }
    return new RootKeyConfig(
        Optional.ofNullable(file),
        given == 3 ? Optional.of(new Pkcs11(library, token, key)) : Optional.empty());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
