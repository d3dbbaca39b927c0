package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Seals key material under the root key for storage: AES-256-GCM ({@link AesGcm}) with the caller's
 * associated data binding the owner (the service passes key id ‖ version), so a wrapped blob moved
 * to another row no longer opens.
 *
 * <p>Output = format byte {@code 0x01} ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag. The format byte
 * is authenticated as the first byte of the GCM associated data.
 */
public final class KeyWrapper {
  static final byte FORMAT_V1 = 0x01;

  private final Aead aead;

  KeyWrapper(Aead aead) {
    this.aead = aead;
  }

  /** Wraps {@code material}, binding {@code associatedData}; returns bytes safe to store. */
  public byte[] wrap(SecretBytes material, byte[] associatedData) throws GeneralSecurityException {
    byte[] plain = material.toByteArray();
    try {
      byte[] sealed = aead.encrypt(plain, boundData(associatedData));
      byte[] out = new byte[sealed.length + 1];
      out[0] = FORMAT_V1;
      System.arraycopy(sealed, 0, out, 1, sealed.length);
      return out;
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** Unwraps bytes from {@link #wrap}; throws if they or {@code associatedData} were changed. */
  public SecretBytes unwrap(byte[] wrapped, byte[] associatedData) throws GeneralSecurityException {
    if (wrapped == null || wrapped.length < 1 || wrapped[0] != FORMAT_V1) {
      throw new AEADBadTagException("unwrap failed");
    }
    byte[] plain =
        aead.decrypt(Arrays.copyOfRange(wrapped, 1, wrapped.length), boundData(associatedData));
    try {
      return SecretBytes.copyOf(plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static byte[] boundData(byte[] associatedData) {
    byte[] ad = associatedData == null ? new byte[0] : associatedData;
    byte[] out = new byte[ad.length + 1];
    out[0] = FORMAT_V1;
    System.arraycopy(ad, 0, out, 1, ad.length);
    return out;
  }
}
