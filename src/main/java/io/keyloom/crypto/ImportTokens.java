package io.keyloom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens import tokens: AES-256-GCM under the import-token key (random keys stored wrapped
 * under the root key, rotating: docs/root-of-trust.md), so any node opens a token that any other
 * node issued, and no table holds wrapping keys (docs/key-import.md).
 *
 * <p>Token = {@code 0x02} ‖ kid length (1 byte) ‖ kid (ASCII) ‖ GCM(nonce ‖ ciphertext ‖ tag) of
 * {@code key id (36 ASCII) ‖ algorithm (1 byte) ‖ expiry (8 bytes, epoch ms, big-endian) ‖ wrapping
 * private key (PKCS#8)}; the format byte, the kid and a fixed label are the associated data. A
 * token changed in any bit, cut, extended, sealed under another key or naming an unknown kid does
 * not open; {@link #open} then throws one fixed message.
 */
public final class ImportTokens {
  /** Size of the sealing key. */
  public static final int KEY_BYTES = 32;

  private static final byte FORMAT_V2 = 0x02;
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

  private final ServiceKeys keys;

  /** Tokens sealed with {@code keys}, of {@link #KEY_BYTES} bytes, used for nothing else. */
  public ImportTokens(ServiceKeys keys) {
    this.keys = keys;
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
      ServiceKeys.Key sealing = keys.current();
      byte[] header = header(sealing.kid());
      byte[] sealed = AesGcm.create(sealing.bytes()).encrypt(plain.array(), associatedData(header));
      byte[] out = Arrays.copyOf(header, header.length + sealed.length);
      System.arraycopy(sealed, 0, out, header.length, sealed.length);
      return out;
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plain.array(), (byte) 0);
    }
  }

  /** Opens a token from {@link #seal}; throws {@link AEADBadTagException} for anything else. */
  public ImportToken open(byte[] token) throws GeneralSecurityException {
    byte[] plain = decrypt(token);
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

  /** The plaintext of a token sealed under the key its header names. */
  private byte[] decrypt(byte[] token) throws GeneralSecurityException {
    if (token == null || token.length < 3 || token[0] != FORMAT_V2 || token[1] <= 0) {
      throw new AEADBadTagException("invalid token");
    }
    int headerBytes = 2 + token[1];
    if (token.length <= headerBytes) {
      throw new AEADBadTagException("invalid token");
    }
    byte[] header = Arrays.copyOf(token, headerBytes);
    ServiceKeys.Key sealing =
        keys.find(new String(header, 2, token[1], StandardCharsets.US_ASCII))
            .orElseThrow(() -> new AEADBadTagException("invalid token"));
    return AesGcm.create(sealing.bytes())
        .decrypt(Arrays.copyOfRange(token, headerBytes, token.length), associatedData(header));
  }

  private static byte code(EncryptionAlgorithm alg) {
    for (int i = 1; i < CODES.length; i++) {
      if (CODES[i] == alg) {
        return (byte) i;
      }
    }
    throw new IllegalArgumentException("not a wrapping algorithm: " + alg);
  }

  private static byte[] header(String kid) {
    byte[] ascii = kid.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[ascii.length + 2];
    out[0] = FORMAT_V2;
    out[1] = (byte) ascii.length;
    System.arraycopy(ascii, 0, out, 2, ascii.length);
    return out;
  }

  private static byte[] associatedData(byte[] header) {
    byte[] ad = Arrays.copyOf(header, header.length + LABEL.length);
    System.arraycopy(LABEL, 0, ad, header.length, LABEL.length);
    return ad;
  }
}
