package io.keyloom.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The symmetric ciphertext envelope, format version 1 (docs/ciphertext-format.md), following
 * Huawei's observed framing: {@code 02 00} ‖ L (uint16 LE) ‖ inner ‖ key id (36 ASCII) ‖ key
 * version (uint32 BE) ‖ trailer (32), where inner = suite ‖ 3 zero bytes ‖ salt (32) ‖ nonce (12) ‖
 * GCM ciphertext ‖ tag (16), and L = len(inner) + 40. Parsing is structural only: it proves nothing
 * about authenticity, which {@link SymmetricCmk#decrypt} establishes.
 */
public record CiphertextBlob(
    int suiteId,
    byte[] salt,
    byte[] nonce,
    byte[] sealed,
    String keyId,
    int keyVersion,
    byte[] trailer) {
  static final int SALT_BYTES = 32;
  static final int TRAILER_BYTES = 32;
  static final int KEY_ID_CHARS = 36;

  /** Bytes of inner before the GCM output: suite, reserved, salt, nonce. */
  static final int INNER_FIXED = 1 + 3 + SALT_BYTES + CryptoParameters.GCM_NONCE_BYTES;

  /** Bytes around inner: version, L, key id, key version, trailer. */
  static final int OUTER_FIXED = 2 + 2 + KEY_ID_CHARS + 4 + TRAILER_BYTES;

  static final int MIN_SEALED = 1 + CryptoParameters.GCM_TAG_BYTES;
  static final int MAX_SEALED = 0xFFFF - 40 - INNER_FIXED;
  private static final byte VERSION_0 = 0x02;
  private static final byte VERSION_1 = 0x00;

  /** Validates every field; arrays are copied in and out. */
  public CiphertextBlob {
    if (!EnvelopeSuite.isKnownId(suiteId)
        || salt.length != SALT_BYTES
        || nonce.length != CryptoParameters.GCM_NONCE_BYTES
        || sealed.length < MIN_SEALED
        || sealed.length > MAX_SEALED
        || !isValidKeyId(keyId)
        || keyVersion < 0
        || trailer.length != TRAILER_BYTES) {
      throw new IllegalArgumentException("invalid ciphertext envelope field");
    }
    salt = salt.clone();
    nonce = nonce.clone();
    sealed = sealed.clone();
    trailer = trailer.clone();
  }

  /**
   * Parses the envelope, checking the version bytes, L against the actual length, the minimum size,
   * the suite, the reserved bytes, the key id syntax and the key version range. Allocates only
   * after every length has been checked against {@code bytes.length}.
   */
  public static CiphertextBlob parse(byte[] bytes) throws GeneralSecurityException {
    int sealedLength = checkFraming(bytes);
    int tail = 4 + INNER_FIXED + sealedLength;
    int suite = Byte.toUnsignedInt(bytes[4]);
    String keyId = new String(bytes, tail, KEY_ID_CHARS, StandardCharsets.US_ASCII);
    int keyVersion = ByteBuffer.wrap(bytes).getInt(tail + KEY_ID_CHARS);
    if (!EnvelopeSuite.isKnownId(suite)
        || (bytes[5] | bytes[6] | bytes[7]) != 0
        || !isValidKeyId(keyId)
        || keyVersion < 0) {
      throw new GeneralSecurityException("malformed ciphertext");
    }
    int saltAt = 8;
    int nonceAt = saltAt + SALT_BYTES;
    int sealedAt = nonceAt + CryptoParameters.GCM_NONCE_BYTES;
    return new CiphertextBlob(
        suite,
        Arrays.copyOfRange(bytes, saltAt, nonceAt),
        Arrays.copyOfRange(bytes, nonceAt, sealedAt),
        Arrays.copyOfRange(bytes, sealedAt, sealedAt + sealedLength),
        keyId,
        keyVersion,
        Arrays.copyOfRange(bytes, bytes.length - TRAILER_BYTES, bytes.length));
  }

  /** Checks version, minimum size and L = length - 36; returns the GCM output length. */
  private static int checkFraming(byte[] bytes) throws GeneralSecurityException {
    if (bytes == null
        || bytes.length < OUTER_FIXED + INNER_FIXED + MIN_SEALED
        || bytes[0] != VERSION_0
        || bytes[1] != VERSION_1) {
      throw new GeneralSecurityException("malformed ciphertext");
    }
    int l = Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(2));
    if (l + 36 != bytes.length) {
      throw new GeneralSecurityException("malformed ciphertext");
    }
    return l - 40 - INNER_FIXED;
  }

  /** True for exactly 36 characters of {@code [0-9a-f-]}, the syntax of Keyloom key ids. */
  static boolean isValidKeyId(String keyId) {
    if (keyId == null || keyId.length() != KEY_ID_CHARS) {
      return false;
    }
    return keyId
        .chars()
        .allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-');
  }

  /** Length of the plaintext this envelope carries: the GCM output minus the 16-byte tag. */
  public int plaintextLength() {
    return sealed.length - CryptoParameters.GCM_TAG_BYTES;
  }

  /** Serialises the envelope. */
  public byte[] toByteArray() {
    byte[] header = authenticatedHeader();
    int innerEnd = 4 + INNER_FIXED;
    ByteBuffer out = ByteBuffer.allocate(OUTER_FIXED + INNER_FIXED + sealed.length);
    out.put(header, 0, innerEnd).put(sealed).put(header, innerEnd, header.length - innerEnd);
    return out.put(trailer).array();
  }

  /** Every envelope byte outside the GCM output and the trailer, in envelope order. */
  byte[] authenticatedHeader() {
    return authenticatedHeader(suiteId, sealed.length, salt, nonce, keyId, keyVersion);
  }

  static byte[] authenticatedHeader(
      int suiteId, int sealedLength, byte[] salt, byte[] nonce, String keyId, int keyVersion) {
    int l = INNER_FIXED + sealedLength + 40;
    ByteBuffer b = ByteBuffer.allocate(4 + INNER_FIXED + KEY_ID_CHARS + 4);
    b.put(VERSION_0).put(VERSION_1).order(ByteOrder.LITTLE_ENDIAN).putShort((short) l);
    b.put((byte) suiteId).put(new byte[3]).put(salt).put(nonce);
    b.put(keyId.getBytes(StandardCharsets.US_ASCII));
    return b.order(ByteOrder.BIG_ENDIAN).putInt(keyVersion).array();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] sealed() {
    return sealed.clone();
  }

  @Override
  public byte[] trailer() {
    return trailer.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CiphertextBlob other && Arrays.equals(toByteArray(), other.toByteArray());
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, keyVersion, Arrays.hashCode(sealed));
  }

  @Override
  public String toString() {
    return "CiphertextBlob(suite="
        + suiteId
        + ", keyId="
        + keyId
        + ", keyVersion="
        + keyVersion
        + ", sealedLength="
        + sealed.length
        + ")";
  }
}
