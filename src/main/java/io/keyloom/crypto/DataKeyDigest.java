package io.keyloom.crypto;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The digest Huawei KMS pairs with a data key: SHA-256 under AES_256 CMKs and SM3 (GB/T 32905)
 * under SM4 CMKs, both 32 bytes. encrypt-datakey receives DEK ‖ digest and refuses a mismatch;
 * decrypt-datakey returns the digest as {@code datakey_dgst}. It is an integrity check on the
 * caller's transfer, not a MAC: the ciphertext envelope authenticates the key on its own.
 */
public final class DataKeyDigest {
  /** Digest length in bytes for every supported CMK spec. */
  public static final int LENGTH = 32;

  private DataKeyDigest() {}

  /** The digest of {@code dataKey} for a data key wrapped by a CMK of {@code cmkSpec}. */
  public static byte[] of(KeySpec cmkSpec, SecretBytes dataKey) {
    byte[] key = dataKey.toByteArray();
    try {
      return hashFor(cmkSpec).hash(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Compares {@code claimed} with the digest of {@code dataKey} in constant time. */
  public static boolean matches(KeySpec cmkSpec, SecretBytes dataKey, byte[] claimed) {
    return MessageDigest.isEqual(of(cmkSpec, dataKey), claimed);
  }

  private static HashFunction hashFor(KeySpec cmkSpec) {
    return switch (cmkSpec) {
      case AES_256 -> HashFunction.SHA_256;
      case SM4 -> HashFunction.SM3;
      default -> throw new IllegalArgumentException("data keys need a symmetric CMK");
    };
  }
}
