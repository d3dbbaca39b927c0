package io.keyloom.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secret key material held in memory, in the spirit of Tink's {@code util.SecretBytes}.
 *
 * <p>The wrapper never prints its contents ({@link #toString()} is redacted), compares in constant
 * time, hands out only copies and can be {@linkplain #destroy() zeroed} once no longer needed. It
 * is the only type through which key material travels between the service layer and this package.
 */
public final class SecretBytes {
  private final byte[] bytes;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Returns a wrapper around a copy of {@code b}; the caller should zero its own array. */
  public static SecretBytes copyOf(byte[] b) {
    if (b == null) {
      throw new NullPointerException("b");
    }
    return new SecretBytes(b.clone());
  }

  /** Returns {@code size} fresh bytes from {@code random}; {@code size} must be positive. */
  public static SecretBytes random(int size, SecureRandom random) {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive");
    }
    byte[] b = new byte[size];
    random.nextBytes(b);
    return new SecretBytes(b);
  }

  /** Returns a copy of the secret; the caller owns it and should zero it after use. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Returns the length of the secret in bytes. */
  public int size() {
    return bytes.length;
  }

  /**
   * Compares two secrets in time that depends only on their lengths ({@link
   * MessageDigest#isEqual}), so an attacker cannot learn a prefix by timing.
   */
  public boolean equalsSecretBytes(SecretBytes other) {
    return other != null && MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Returns a fixed string: key material must never reach logs or error messages. */
  @Override
  public String toString() {
    return "SecretBytes(REDACTED)";
  }

  /** Overwrites the internal buffer with zeros; the wrapper must not be used afterwards. */
  public void destroy() {
    Arrays.fill(bytes, (byte) 0);
  }
}
