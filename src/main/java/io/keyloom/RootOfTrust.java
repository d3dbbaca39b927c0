package io.keyloom;

import io.keyloom.config.RootKeyConfig;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.Pkcs11RootKey;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.RootKeyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;

/**
 * The node's root key, opened from its settings (docs/root-of-trust.md).
 *
 * @param provider the root key new blobs are sealed under
 * @param wrapper seals and opens blobs under it (and, for a file key, the legacy blobs of versions
 *     before root key ids)
 * @param fileKey the root key when it is a file: its HKDF sub-keys carry a pre-V8 data dir's check
 *     keys over, once
 */
record RootOfTrust(RootKeyProvider provider, KeyWrapper wrapper, Optional<RootKey> fileKey)
    implements AutoCloseable {

  /** The file that holds the root key by default. */
  static Path defaultFile(Path dataDir) {
    return dataDir.resolve("root.key");
  }

  /** Opens (or, for a file, creates) the root key; {@code env} supplies the PKCS#11 PIN. */
  static RootOfTrust open(RootKeyConfig config, Path dataDir, Map<String, String> env)
      throws IOException, GeneralSecurityException {
    if (config.pkcs11().isPresent()) {
      RootKeyConfig.Pkcs11 hsm = config.pkcs11().get();
      String pin = env.get(RootKeyConfig.PIN_ENV);
      if (pin == null || pin.isEmpty()) {
        throw new IllegalArgumentException(
            RootKeyConfig.PIN_ENV + " must hold the PIN of the PKCS#11 token " + hsm.token());
      }
      Pkcs11RootKey key =
          Pkcs11RootKey.open(hsm.library(), hsm.token(), hsm.key(), pin.toCharArray());
      return new RootOfTrust(key, new KeyWrapper(key, java.util.List.of(), null), Optional.empty());
    }
    Path file = config.file().orElse(defaultFile(dataDir));
    RootKey key = RootKey.loadOrCreate(file); // a new file is 0600 from its first byte
    if (config.file().isEmpty()) {
      Files.setPosixFilePermissions(file, DataDir.FILE_MODE); // an old or copied data dir's
    }
    return new RootOfTrust(key, key.wrapper(), Optional.of(key));
  }

  @Override
  public void close() {
    provider.close();
  }
}
