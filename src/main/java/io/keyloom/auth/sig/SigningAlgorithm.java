package io.keyloom.auth.sig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * The four {@code SDK-*} signing algorithms of sdk-auth-protocol.md §4. They share the canonical
 * request and differ in the hash (SHA-256 or SM3), the payload-hash header and the final MAC or
 * signature.
 */
enum SigningAlgorithm {
  HMAC_SHA256("SDK-HMAC-SHA256", false, "X-Sdk-Content-Sha256"),
  HMAC_SM3("SDK-HMAC-SM3", true, "X-Sdk-Content-Sm3"),
  ECDSA_P256_SHA256("SDK-ECDSA-P256-SHA256", false, "X-Sdk-Content-Sha256"),
  SM2_SM3("SDK-SM2-SM3", true, "X-Sdk-Content-Sm3");

  /** GM/T 0009 default signer identity, pinned rather than left to the library default. */
  private static final byte[] SM2_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  private final String token;
  private final boolean sm3;
  private final String contentHashHeader;

  SigningAlgorithm(String token, boolean sm3, String contentHashHeader) {
    this.token = token;
    this.sm3 = sm3;
    this.contentHashHeader = contentHashHeader;
  }

  /** Returns the algorithm named by an Authorization token such as {@code SDK-HMAC-SHA256}. */
  static Optional<SigningAlgorithm> byToken(String token) {
    return Arrays.stream(values()).filter(a -> a.token.equals(token)).findFirst();
  }

  /** The token as it appears in the Authorization header and the string to sign. */
  String token() {
    return token;
  }

  /** The header in which a client may declare the body hash (it must then be signed and match). */
  String contentHashHeader() {
    return contentHashHeader;
  }

  /** Hashes {@code data} with SHA-256 or SM3. */
  byte[] hash(byte[] data) {
    Digest digest = newDigest();
    byte[] out = new byte[digest.getDigestSize()];
    digest.update(data, 0, data.length);
    digest.doFinal(out, 0);
    return out;
  }

  /** Computes HMAC-SHA256 or HMAC-SM3 of {@code data} under {@code key}. */
  byte[] hmac(byte[] key, byte[] data) {
    HMac mac = new HMac(newDigest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  /**
   * Checks {@code signature} over {@code stringToSign} for the credential ({@code ak}, {@code sk});
   * returns false on any mismatch or undecodable signature. HMACs are compared in constant time.
   */
  boolean verify(byte[] ak, byte[] sk, byte[] stringToSign, byte[] signature) {
    return switch (this) {
      case HMAC_SHA256, HMAC_SM3 -> MessageDigest.isEqual(hmac(sk, stringToSign), signature);
      case ECDSA_P256_SHA256, SM2_SM3 ->
          DerivedEcKey.publicKey(this, ak, sk)
              .map(q -> verifyEc(q, stringToSign, signature))
              .orElse(false);
    };
  }

  private boolean verifyEc(ECPublicKeyParameters q, byte[] message, byte[] der) {
    if (this == SM2_SM3) {
      SM2Signer signer = new SM2Signer();
      signer.init(false, new ParametersWithID(q, SM2_USER_ID));
      signer.update(message, 0, message.length);
      return signer.verifySignature(der);
    }
    DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
    signer.init(false, q);
    signer.update(message, 0, message.length);
    return signer.verifySignature(der);
  }

  private Digest newDigest() {
    return sm3 ? new SM3Digest() : new SHA256Digest();
  }
}
