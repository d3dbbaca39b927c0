package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM {@link Aead} on the JCA ({@code AES/GCM/NoPadding}): output = 12-byte random nonce ‖
 * ciphertext ‖ 16-byte tag (NIST SP 800-38D, sizes pinned in {@link CryptoParameters}).
 *
 * <p>With random 96-bit nonces a single key must not encrypt more than about 2<sup>32</sup>
 * messages (SP 800-38D §8.3); callers with higher volume derive per-message keys as {@link
 * SymmetricCmk} does.
 */
public final class AesGcm implements Aead {
  private final SecretKeySpec key;
  private final SecureRandom random;

  private AesGcm(SecretKeySpec key, SecureRandom random) {
    this.key = key;
    this.random = random;
  }

  /** Creates the primitive for a 128- or 256-bit key; refuses any other size. */
  public static AesGcm create(SecretBytes key) throws GeneralSecurityException {
    return create(key, new SecureRandom());
  }

  static AesGcm create(SecretBytes key, SecureRandom random) throws GeneralSecurityException {
    if (key.size() != 16 && key.size() != 32) {
      throw new InvalidKeyException("AES-GCM key must be 16 or 32 bytes");
    }
    byte[] raw = key.toByteArray();
    try {
      return new AesGcm(new SecretKeySpec(raw, "AES"), random);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    byte[] nonce = new byte[CryptoParameters.GCM_NONCE_BYTES];
    random.nextBytes(nonce);
    return encrypt(nonce, plaintext, associatedData);
  }

  /** Encrypts with an explicit nonce; only for known-answer tests and derived single-use keys. */
  byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    if (nonce.length != CryptoParameters.GCM_NONCE_BYTES) {
      throw new GeneralSecurityException("invalid nonce size");
    }
    Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, 0, associatedData);
    int nonceLen = nonce.length;
    byte[] out = new byte[nonceLen + cipher.getOutputSize(plaintext.length)];
    System.arraycopy(nonce, 0, out, 0, nonceLen);
    cipher.doFinal(plaintext, 0, plaintext.length, out, nonceLen);
    return out;
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    int nonceLen = CryptoParameters.GCM_NONCE_BYTES;
    if (ciphertext == null || ciphertext.length < nonceLen + CryptoParameters.GCM_TAG_BYTES) {
      throw new AEADBadTagException("decryption failed");
    }
    Cipher cipher = cipher(Cipher.DECRYPT_MODE, ciphertext, 0, associatedData);
    return cipher.doFinal(ciphertext, nonceLen, ciphertext.length - nonceLen);
  }

  private Cipher cipher(int mode, byte[] nonceSource, int nonceOffset, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    GCMParameterSpec spec =
        new GCMParameterSpec(
            CryptoParameters.GCM_TAG_BYTES * 8,
            nonceSource,
            nonceOffset,
            CryptoParameters.GCM_NONCE_BYTES);
    cipher.init(mode, key, spec);
    if (associatedData != null && associatedData.length > 0) {
      cipher.updateAAD(associatedData);
    }
    return cipher;
  }
}
