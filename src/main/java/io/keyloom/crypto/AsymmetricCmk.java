package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The primitive behind an asymmetric CMK version (RSA_*, EC_P256/EC_P384, SM2), built from its
 * PKCS#8 material. Encryption output is raw RSA-OAEP (k bytes) or SM2 GM/T 0009 DER; signatures are
 * RSA PKCS#1 v1.5 / PSS, or DER-encoded ECDSA / SM2. Every method refuses an algorithm the key spec
 * does not support with a {@link GeneralSecurityException}.
 */
public final class AsymmetricCmk {
  private static final int PEM_LINE = 64;

  private final AsymmetricKeys keys;
  private final SecureRandom random;

  private AsymmetricCmk(AsymmetricKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** Parses {@code pkcs8} as a private key of {@code spec}; refuses a key of another type/size. */
  public static AsymmetricCmk create(KeySpec spec, SecretBytes pkcs8)
      throws GeneralSecurityException {
    return create(spec, pkcs8, new SecureRandom());
  }

  static AsymmetricCmk create(KeySpec spec, SecretBytes pkcs8, SecureRandom random)
      throws GeneralSecurityException {
    return new AsymmetricCmk(AsymmetricKeys.parse(spec, pkcs8), random);
  }

  /** The public key as X.509 SubjectPublicKeyInfo DER. */
  public byte[] publicKeyDer() {
    return keys.spki();
  }

  /** The public key as PEM with CRLF line endings and 64-character lines, as Huawei returns it. */
  public String publicKeyPem() {
    String b64 = Base64.getEncoder().encodeToString(keys.spki());
    StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\r\n");
    for (int i = 0; i < b64.length(); i += PEM_LINE) {
      pem.append(b64, i, Math.min(b64.length(), i + PEM_LINE)).append("\r\n");
    }
    return pem.append("-----END PUBLIC KEY-----\r\n").toString();
  }

  /**
   * Largest plaintext {@link #encrypt} accepts: k - 2·hLen - 2 for OAEP (RSA_2048: 190 with
   * SHA-256, 214 with SHA-1), 4096 for SM2. Throws IllegalArgumentException for an algorithm this
   * key cannot use.
   */
  public int maxPlaintextLength(EncryptionAlgorithm alg) {
    if (!alg.supports(keys.spec())) {
      throw new IllegalArgumentException(alg + " does not suit " + keys.spec());
    }
    return alg.isOaep()
        ? RsaOperations.maxOaepPlaintext(keys.spec().rsaModulusBits(), alg)
        : CryptoParameters.SM2_MAX_PLAINTEXT;
  }

  /** Encrypts {@code plaintext} with the public key; throws if it is too long or empty (SM2). */
  public byte[] encrypt(EncryptionAlgorithm alg, byte[] plaintext) throws GeneralSecurityException {
    requireSupported(alg);
    if (alg.isOaep()) {
      return RsaOperations.oaepEncrypt(alg, keys.jcaPublic(), plaintext, random);
    }
    return Sm2Encryption.encrypt((ECPublicKeyParameters) keys.bcPublic(), plaintext, random);
  }

  /** Decrypts with the private key; throws on any malformed or tampered ciphertext. */
  public byte[] decrypt(EncryptionAlgorithm alg, byte[] ciphertext)
      throws GeneralSecurityException {
    requireSupported(alg);
    if (alg.isOaep()) {
      return RsaOperations.oaepDecrypt(alg, keys.jcaPrivate(), ciphertext);
    }
    return Sm2Encryption.decrypt((ECPrivateKeyParameters) keys.bcPrivate(), ciphertext);
  }

  /**
   * Signs {@code message}; when {@code messageIsDigest} it must be the hash of the real message
   * with exactly {@link SigningAlgorithm#digestLength()} bytes (for SM2: SM3(Z_A ‖ M) with the
   * default user id). RAW messages are hashed first; SM2 refuses RAW.
   */
  public byte[] sign(SigningAlgorithm alg, byte[] message, boolean messageIsDigest)
      throws GeneralSecurityException {
    requireSupported(alg);
    return Signatures.sign(alg, keys, message, messageIsDigest, random);
  }

  /** Returns whether {@code signature} is valid; throws only for an unusable algorithm/length. */
  public boolean verify(
      SigningAlgorithm alg, byte[] message, boolean messageIsDigest, byte[] signature)
      throws GeneralSecurityException {
    requireSupported(alg);
    return Signatures.verify(
        alg, keys.bcPublic(), keys.jcaPublic(), message, messageIsDigest, signature);
  }

  private void requireSupported(EncryptionAlgorithm alg) throws GeneralSecurityException {
    if (!alg.supports(keys.spec())) {
      throw new InvalidAlgorithmParameterException(alg + " does not suit " + keys.spec());
    }
  }

  private void requireSupported(SigningAlgorithm alg) throws GeneralSecurityException {
    if (!alg.supports(keys.spec())) {
      throw new InvalidAlgorithmParameterException(alg + " does not suit " + keys.spec());
    }
  }

  @Override
  public String toString() {
    return "AsymmetricCmk(" + keys.spec() + ", REDACTED)";
  }
}
