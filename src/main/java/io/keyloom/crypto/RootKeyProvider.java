package io.keyloom.crypto;

import java.security.GeneralSecurityException;

/**
 * A root of trust: an AES-256 key that seals and opens small secrets (key material, access-key
 * secrets, token keys) with AES-GCM and caller-supplied associated data, wherever the key lives — a
 * file ({@link RootKey}) or an HSM ({@link Pkcs11RootKey}). Callers never see the key's bytes, so a
 * provider whose key cannot leave its device works the same (docs/root-of-trust.md).
 *
 * <p>{@link KeyWrapper} adds the blob format around {@link #seal}: every blob names the {@link #id}
 * of the provider that sealed it.
 */
public interface RootKeyProvider extends AutoCloseable {
  /**
   * A short stable name of this key, written into every blob it seals: 1 to 64 characters of {@code
   * [A-Za-z0-9._:/-]}. Two different keys never share an id.
   */
  String id();

  /** AES-GCM: returns 12-byte nonce ‖ ciphertext ‖ 16-byte tag, binding {@code associatedData}. */
  byte[] seal(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

  /** Opens {@link #seal}'s output; throws if it or {@code associatedData} were changed. */
  byte[] open(byte[] sealed, byte[] associatedData) throws GeneralSecurityException;

  /** Releases the provider's resources (an HSM session); the default holds none. */
  @Override
  default void close() {}
}
