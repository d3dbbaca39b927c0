package io.keyloom.it;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The symmetric envelope of docs/ciphertext-format.md §1, written again from the document alone
 * (Bouncy Castle's lightweight HKDF and GCM), so tests that know a key's material can open
 * Keyloom's ciphertexts and make their own (imported keys, docs/key-import.md). Only the {@code
 * additional_authenticated_data} form of associated data is supported; {@code dataKey} selects the
 * data-key domain (the "datakey" prefix) instead of encrypt-data's.
 */
public final class ClientEnvelope {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int HEADER = 4 + 4 + 32 + 12;

  private ClientEnvelope() {}

  /** Seals {@code plain} under version {@code version} of key {@code keyId} with material M. */
  public static byte[] seal(
      byte[] material, String keyId, int version, byte[] plain, String aad, boolean dataKey)
      throws InvalidCipherTextException {
    int suite = material.length == 32 ? 1 : 2;
    byte[] salt = new byte[32];
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(salt);
    RANDOM.nextBytes(nonce);
    int l = plain.length + 104; // len(inner) + 40, len(inner) = n + 64
    ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 2).put((byte) 0).putShort((short) l).put((byte) suite).put(new byte[3]);
    byte[] header = head.put(salt).put(nonce).array();
    byte[] okm = okm(material, suite, salt, keyId);
    GCMModeCipher gcm = gcm(true, suite, okm, nonce, gcmAad(header, keyId, version, aad, dataKey));
    byte[] sealed = new byte[gcm.getOutputSize(plain.length)];
    int n = gcm.processBytes(plain, 0, plain.length, sealed, 0);
    gcm.doFinal(sealed, n);
    return ByteBuffer.allocate(l + 36)
        .put(header)
        .put(sealed)
        .put(keyId.getBytes(US_ASCII))
        .putInt(version)
        .put(Arrays.copyOfRange(okm, okm.length - 32, okm.length))
        .array();
  }

  /** Opens an envelope with material M; fails on a wrong key, commitment, tag or AAD. */
  public static byte[] open(byte[] material, byte[] blob, String aad, boolean dataKey)
      throws InvalidCipherTextException {
    int suite = blob[4];
    int total = blob.length;
    String keyId = new String(blob, total - 72, 36, US_ASCII);
    int version = ByteBuffer.wrap(blob, total - 36, 4).getInt();
    byte[] header = Arrays.copyOf(blob, HEADER);
    byte[] okm = okm(material, suite, Arrays.copyOfRange(blob, 8, 40), keyId);
    byte[] commitment = Arrays.copyOfRange(okm, okm.length - 32, okm.length);
    if (!MessageDigest.isEqual(commitment, Arrays.copyOfRange(blob, total - 32, total))) {
      throw new InvalidCipherTextException("commitment");
    }
    byte[] nonce = Arrays.copyOfRange(blob, 40, 52);
    GCMModeCipher gcm = gcm(false, suite, okm, nonce, gcmAad(header, keyId, version, aad, dataKey));
    byte[] sealed = Arrays.copyOfRange(blob, HEADER, total - 72);
    byte[] plain = new byte[gcm.getOutputSize(sealed.length)];
    int n = gcm.processBytes(sealed, 0, sealed.length, plain, 0);
    gcm.doFinal(plain, n);
    return plain;
  }

  private static byte[] okm(byte[] material, int suite, byte[] salt, String keyId) {
    byte[] info =
        ByteBuffer.allocate(11 + 1 + 36)
            .put("keyloom/v1/".getBytes(US_ASCII))
            .put((byte) suite)
            .put(keyId.getBytes(US_ASCII))
            .array();
    Digest hash = suite == 1 ? new SHA256Digest() : new SM3Digest();
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(hash);
    hkdf.init(new HKDFParameters(material, salt, info));
    byte[] okm = new byte[material.length + 32];
    hkdf.generateBytes(okm, 0, okm.length);
    return okm;
  }

  /**
   * header ‖ key id ‖ version ‖ uint32 len(data) ‖ data, data = [“datakey”] ‖ uint32 0 ‖ uint32 len
   * ‖ aad.
   */
  private static byte[] gcmAad(
      byte[] header, String keyId, int version, String aad, boolean dataKey) {
    byte[] a = aad == null ? new byte[0] : aad.getBytes(UTF_8);
    byte[] domain = dataKey ? "datakey".getBytes(US_ASCII) : new byte[0];
    int data = domain.length + 8 + a.length;
    return ByteBuffer.allocate(header.length + 36 + 4 + 4 + data)
        .put(header)
        .put(keyId.getBytes(US_ASCII))
        .putInt(version)
        .putInt(data)
        .put(domain)
        .putInt(0)
        .putInt(a.length)
        .put(a)
        .array();
  }

  private static GCMModeCipher gcm(
      boolean encrypt, int suite, byte[] okm, byte[] nonce, byte[] aad) {
    int keyLength = okm.length - 32;
    BlockCipher block = suite == 1 ? AESEngine.newInstance() : new SM4Engine();
    GCMModeCipher gcm = GCMBlockCipher.newInstance(block);
    KeyParameter key = new KeyParameter(okm, 0, keyLength);
    gcm.init(encrypt, new AEADParameters(key, 128, nonce, aad));
    return gcm;
  }
}
