package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The AEAD suites of the symmetric ciphertext envelope (see docs/ciphertext-format.md): the suite
 * byte, the CMK spec it serves, the HKDF hash for per-message keys, and GCM with a 96-bit nonce and
 * 128-bit tag (AES via the JCA, SM4 via Bouncy Castle).
 */
enum EnvelopeSuite {
  AES_256_GCM(1, KeySpec.AES_256, HashFunction.SHA_256),
  SM4_GCM(2, KeySpec.SM4, HashFunction.SM3);

  private final int id;
  private final KeySpec spec;
  private final HashFunction kdfHash;

  EnvelopeSuite(int id, KeySpec spec, HashFunction kdfHash) {
    this.id = id;
    this.spec = spec;
    this.kdfHash = kdfHash;
  }

  static EnvelopeSuite forSpec(KeySpec spec) throws InvalidKeyException {
    for (EnvelopeSuite s : values()) {
      if (s.spec == spec) {
        return s;
      }
    }
    throw new InvalidKeyException("no symmetric envelope suite for " + spec);
  }

  static boolean isKnownId(int id) {
    return Arrays.stream(values()).anyMatch(s -> s.id == id);
  }

  int id() {
    return id;
  }

  /** Data-key length: the CMK spec's key length (32 for AES-256, 16 for SM4). */
  int keyBytes() {
    return spec.rawKeyBytes();
  }

  HashFunction kdfHash() {
    return kdfHash;
  }

  /** GCM-encrypts; returns ciphertext ‖ 16-byte tag. */
  byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext)
      throws GeneralSecurityException {
    return this == AES_256_GCM
        ? jca(Cipher.ENCRYPT_MODE, key, nonce, aad, plaintext)
        : bc(true, key, nonce, aad, plaintext);
  }

  /** GCM-decrypts ciphertext ‖ tag; throws {@link AEADBadTagException} on any mismatch. */
  byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws GeneralSecurityException {
    return this == AES_256_GCM
        ? jca(Cipher.DECRYPT_MODE, key, nonce, aad, sealed)
        : bc(false, key, nonce, aad, sealed);
  }

  private static byte[] jca(int mode, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    GCMParameterSpec params = new GCMParameterSpec(CryptoParameters.GCM_TAG_BYTES * 8, nonce);
    cipher.init(mode, new SecretKeySpec(key, "AES"), params);
    cipher.updateAAD(aad);
    return cipher.doFinal(input);
  }

  private static byte[] bc(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, byte[] input)
      throws GeneralSecurityException {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
    gcm.init(
        encrypt,
        new AEADParameters(new KeyParameter(key), CryptoParameters.GCM_TAG_BYTES * 8, nonce, aad));
    byte[] out = new byte[gcm.getOutputSize(input.length)];
    try {
      int n = gcm.processBytes(input, 0, input.length, out, 0);
      n += gcm.doFinal(out, n);
      return n == out.length ? out : Arrays.copyOf(out, n);
    } catch (InvalidCipherTextException | RuntimeException e) {
      Arrays.fill(out, (byte) 0);
      throw new AEADBadTagException("decryption failed");
    }
  }
}
