package io.keyloom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens import tokens: AES-256-GCM under a key derived from the root key for this purpose
 * alone ({@link RootKey#deriveKey} with {@link #KEY_PURPOSE}), so any node opens a token that any
 * other node issued, and no table holds wrapping keys (docs/key-import.md).
 *
 * <p>Token = {@code 0x01} ‖ GCM(nonce ‖ ciphertext ‖ tag) of {@code key id (36 ASCII) ‖ algorithm
 * (1 byte) ‖ expiry (8 bytes, epoch ms, big-endian) ‖ wrapping private key (PKCS#8)}; the format
 * byte and a fixed label are the associated data. A token changed in any bit, cut, extended or
 * sealed under another root key does not open; {@link #open} then throws one fixed message.
 */
public final class ImportTokens {
  /** The root-key derivation purpose of the sealing key. */
  public static final String KEY_PURPOSE = "import-token/v1";

  /** Size of the sealing key. */
  public static final int KEY_BYTES = 32;

  private static final byte FORMAT_V1 = 0x01;
  private static final byte[] LABEL = "keyloom import token v1".getBytes(StandardCharsets.UTF_8);
  private static final int KEY_ID_BYTES = 36;
  private static final int HEADER_BYTES = KEY_ID_BYTES + 1 + Long.BYTES;

  /** Wrapping algorithms by their token code (fixed here, independent of enum order). */
  private static final EncryptionAlgorithm[] CODES = {
    null,
    EncryptionAlgorithm.RSAES_OAEP_SHA_256,
    EncryptionAlgorithm.RSAES_OAEP_SHA_1,
    EncryptionAlgorithm.SM2_ENCRYPT
  };

  private final AesGcm aead;

  /** Tokens sealed with {@code key}, {@link #KEY_BYTES} bytes derived for {@link #KEY_PURPOSE}. */
  public ImportTokens(SecretBytes key) throws GeneralSecurityException {
    this.aead = AesGcm.create(key);
  }

  /** The sealed token bytes. */
  public byte[] seal(ImportToken token) throws GeneralSecurityException {
    byte[] id = token.keyId().getBytes(StandardCharsets.US_ASCII);
    if (id.length != KEY_ID_BYTES) {
      throw new GeneralSecurityException("cannot seal this token");
    }
    byte[] key = token.wrappingKey().toByteArray();
    ByteBuffer plain = ByteBuffer.allocate(HEADER_BYTES + key.length);
    plain.put(id).put(code(token.algorithm())).putLong(token.expiresAtMillis());
    plain.put(key);
    try {
      byte[] sealed = aead.encrypt(plain.array(), associatedData());
      byte[] out = new byte[sealed.length + 1];
      out[0] = FORMAT_V1;
      System.arraycopy(sealed, 0, out, 1, sealed.length);
      return out;
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plain.array(), (byte) 0);
    }
  }

  /** Opens a token from {@link #seal}; throws {@link AEADBadTagException} for anything else. */
  public ImportToken open(byte[] token) throws GeneralSecurityException {
    if (token == null || token.length < 2 || token[0] != FORMAT_V1) {
      throw new AEADBadTagException("invalid token");
    }
    byte[] plain = aead.decrypt(Arrays.copyOfRange(token, 1, token.length), associatedData());
    byte[] key = null;
    try {
      int alg = plain.length > HEADER_BYTES ? plain[KEY_ID_BYTES] : 0;
      if (alg <= 0 || alg >= CODES.length) {
        throw new AEADBadTagException("invalid token"); // sealed by us, so never in practice
      }
      String keyId = new String(plain, 0, KEY_ID_BYTES, StandardCharsets.US_ASCII);
      long expires = ByteBuffer.wrap(plain, KEY_ID_BYTES + 1, Long.BYTES).getLong();
      key = Arrays.copyOfRange(plain, HEADER_BYTES, plain.length);
      return new ImportToken(keyId, CODES[alg], expires, SecretBytes.copyOf(key));
    } finally {
      Arrays.fill(plain, (byte) 0);
      if (key != null) {
        Arrays.fill(key, (byte) 0);
      }
    }
  }

  private static byte code(EncryptionAlgorithm alg) {
    for (int i = 1; i < CODES.length; i++) {
      if (CODES[i] == alg) {
        return (byte) i;
      }
    }
    throw new IllegalArgumentException("not a wrapping algorithm: " + alg);
  }

  private static byte[] associatedData() {
    byte[] ad = new byte[LABEL.length + 1];
    ad[0] = FORMAT_V1;
    System.arraycopy(LABEL, 0, ad, 1, LABEL.length);
    return ad;
  }
}
