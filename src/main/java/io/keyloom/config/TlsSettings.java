package io.keyloom.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the server's TLS certificate chain and private key live: two PEM files, given together or
 * not at all. The files are read and checked by {@link PemKeyStore} when the server starts.
 *
 * @param certFile PEM certificates, the server's own first, then any intermediates
 * @param keyFile the PEM private key of the first certificate, unencrypted
 */
public record TlsSettings(Path certFile, Path keyFile) {

  /** Refuses a missing path; the record always names both files. */
  public TlsSettings {
    if (certFile == null || keyFile == null) {
      throw new IllegalArgumentException("--tls-cert and --tls-key must be given together");
    }
  }

  /**
   * The settings from two optional flags: none when neither is given, a start error when only one
   * is (serving plain HTTP because a flag was mistyped would be a silent downgrade).
   */
  public static Optional<TlsSettings> of(Path certFile, Path keyFile) {
    if (certFile == null && keyFile == null) {
      return Optional.empty();
    }
    return Optional.of(new TlsSettings(certFile, keyFile));
  }
}
