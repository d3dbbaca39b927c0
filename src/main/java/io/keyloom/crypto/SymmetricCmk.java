package io.keyloom.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.IllegalBlockSizeException;

/**
 * The primitive behind a symmetric CMK version (AES_256 or SM4): it produces and opens the {@link
 * CiphertextBlob} envelope.
 *
 * <p>Each message gets a fresh 32-byte salt; HKDF (SHA-256 for AES, HMAC-SM3 for SM4) over the CMK
 * material, the salt and info = "keyloom/v1/" ‖ suite byte ‖ key id yields a single-use data key
 * and a 32-byte commitment. The data key lifts GCM's random-nonce limit per CMK; the commitment,
 * stored as the trailer and compared in constant time before opening, makes a ciphertext open under
 * only one key. GCM authenticates every header byte plus the length-prefixed caller data.
 */
public final class SymmetricCmk {
  private static final byte[] INFO_PREFIX = "keyloom/v1/".getBytes(StandardCharsets.US_ASCII);
  private static final int COMMITMENT_BYTES = CiphertextBlob.TRAILER_BYTES;

  /** Largest plaintext the 16-bit length field allows. */
  static final int MAX_PLAINTEXT = CiphertextBlob.MAX_SEALED - CryptoParameters.GCM_TAG_BYTES;

  private final EnvelopeSuite suite;
  private final SecretBytes material;
  private final SecureRandom random;

  private SymmetricCmk(EnvelopeSuite suite, SecretBytes material, SecureRandom random) {
    this.suite = suite;
    this.material = material;
    this.random = random;
  }

  /** Creates the primitive; {@code material} must be 32 bytes for AES_256, 16 for SM4. */
  public static SymmetricCmk create(KeySpec spec, SecretBytes material)
      throws GeneralSecurityException {
    return create(spec, material, new SecureRandom());
  }

  static SymmetricCmk create(KeySpec spec, SecretBytes material, SecureRandom random)
      throws GeneralSecurityException {
    EnvelopeSuite suite = EnvelopeSuite.forSpec(spec);
    if (material.size() != suite.keyBytes()) {
      throw new InvalidKeyException("key material size does not match " + spec);
    }
    byte[] copy = material.toByteArray();
    try {
      return new SymmetricCmk(suite, SecretBytes.copyOf(copy), random);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /**
   * Encrypts 1..65431 bytes of {@code plaintext} for version {@code keyVersion} (≥ 0) of CMK {@code
   * keyId} (36 chars of [0-9a-f-]) and returns the serialised envelope; {@code associatedData}
   * (null = empty) must be repeated to decrypt.
   */
  public byte[] encrypt(String keyId, int keyVersion, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    if (plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT) {
      throw new IllegalBlockSizeException("plaintext must be 1.." + MAX_PLAINTEXT + " bytes");
    }
    if (!CiphertextBlob.isValidKeyId(keyId) || keyVersion < 0) {
      throw new GeneralSecurityException("invalid key id or key version");
    }
    byte[] salt = new byte[CiphertextBlob.SALT_BYTES];
    byte[] nonce = new byte[CryptoParameters.GCM_NONCE_BYTES];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    int sealedLength = plaintext.length + CryptoParameters.GCM_TAG_BYTES;
    byte[] header =
        CiphertextBlob.authenticatedHeader(
            suite.id(), sealedLength, salt, nonce, keyId, keyVersion);
    byte[] okm = deriveKeys(salt, keyId);
    byte[] dataKey = Arrays.copyOf(okm, suite.keyBytes());
    try {
      byte[] sealed = suite.seal(dataKey, nonce, gcmAad(header, associatedData), plaintext);
      byte[] commitment = Arrays.copyOfRange(okm, suite.keyBytes(), okm.length);
      return new CiphertextBlob(suite.id(), salt, nonce, sealed, keyId, keyVersion, commitment)
          .toByteArray();
    } finally {
      Arrays.fill(okm, (byte) 0);
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /**
   * Opens {@code blob}, which the caller parsed and matched to this CMK version by its key id and
   * version. Throws {@link AEADBadTagException} for a different suite, commitment, header, body or
   * associated data; never returns unauthenticated plaintext.
   */
  public byte[] decrypt(CiphertextBlob blob, byte[] associatedData)
      throws GeneralSecurityException {
    if (blob.suiteId() != suite.id()) {
      throw new AEADBadTagException("decryption failed");
    }
    byte[] okm = deriveKeys(blob.salt(), blob.keyId());
    byte[] dataKey = Arrays.copyOf(okm, suite.keyBytes());
    try {
      byte[] commitment = Arrays.copyOfRange(okm, suite.keyBytes(), okm.length);
      if (!MessageDigest.isEqual(commitment, blob.trailer())) {
        throw new AEADBadTagException("decryption failed");
      }
      byte[] aad = gcmAad(blob.authenticatedHeader(), associatedData);
      return suite.open(dataKey, blob.nonce(), aad, blob.sealed());
    } finally {
      Arrays.fill(okm, (byte) 0);
      Arrays.fill(dataKey, (byte) 0);
    }
  }

  /** HKDF output: data key ‖ 32-byte commitment. */
  private byte[] deriveKeys(byte[] salt, String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] info =
        ByteBuffer.allocate(INFO_PREFIX.length + 1 + id.length)
            .put(INFO_PREFIX)
            .put((byte) suite.id())
            .put(id)
            .array();
    byte[] ikm = material.toByteArray();
    try {
      int length = suite.keyBytes() + COMMITMENT_BYTES;
      return Hkdf.derive(suite.kdfHash().newDigest(), ikm, salt, info, length);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  /** GCM AAD = envelope header ‖ uint32 BE length of the caller's data ‖ that data. */
  private static byte[] gcmAad(byte[] header, byte[] associatedData) {
    byte[] ad = associatedData == null ? new byte[0] : associatedData;
    return ByteBuffer.allocate(header.length + 4 + ad.length)
        .put(header)
        .putInt(ad.length)
        .put(ad)
        .array();
  }

  @Override
  public String toString() {
    return "SymmetricCmk(" + suite + ", REDACTED)";
  }
}
