package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;

/**
 * The one-time key pair that protects key material on its way into Keyloom (BYOK import,
 * docs/key-import.md): RSA_2048 for {@code RSAES_OAEP_SHA_256} / {@code RSAES_OAEP_SHA_1} (MGF1
 * hash = OAEP hash, as {@code openssl pkeyutl -pkeyopt rsa_oaep_md:...} does), SM2 on sm2p256v1 for
 * {@code SM2_ENCRYPT} (GM/T 0009 DER ciphertext, C1C3C2, SM3). The private key travels only as
 * PKCS#8 inside a sealed import token ({@link ImportTokens}); unwrapping reuses the CMK primitives,
 * so the padding rules are pinned in one place.
 */
public final class WrappingKey {
  private WrappingKey() {}

  /** Whether {@code alg} can wrap key material for import. */
  public static boolean canWrap(EncryptionAlgorithm alg) {
    return alg != EncryptionAlgorithm.SYMMETRIC_DEFAULT;
  }

  /** A fresh private key (PKCS#8 DER) for {@code alg}. */
  public static SecretBytes generate(EncryptionAlgorithm alg, SecureRandom random)
      throws GeneralSecurityException {
    return KeyMaterials.generate(spec(alg), random);
  }

  /** The public key (X.509 SubjectPublicKeyInfo DER) of {@code privateKey}. */
  public static byte[] publicKeyDer(EncryptionAlgorithm alg, SecretBytes privateKey)
      throws GeneralSecurityException {
    return AsymmetricCmk.create(spec(alg), privateKey).publicKeyDer();
  }

  /**
   * Decrypts {@code wrapped} (RSA-OAEP output of the modulus size, or SM2 DER) with {@code
   * privateKey}; throws on any malformed or tampered input, without saying why.
   */
  public static SecretBytes unwrap(EncryptionAlgorithm alg, SecretBytes privateKey, byte[] wrapped)
      throws GeneralSecurityException {
    byte[] plain = AsymmetricCmk.create(spec(alg), privateKey).decrypt(alg, wrapped);
    try {
      return SecretBytes.copyOf(plain);
    } finally {
      java.util.Arrays.fill(plain, (byte) 0);
    }
  }

  private static KeySpec spec(EncryptionAlgorithm alg) throws GeneralSecurityException {
    return switch (alg) {
      case RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1 -> KeySpec.RSA_2048;
      case SM2_ENCRYPT -> KeySpec.SM2;
      case SYMMETRIC_DEFAULT ->
          throw new InvalidAlgorithmParameterException("not a key wrapping algorithm");
    };
  }
}
