package io.keyloom.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Dispatches signing and verification by algorithm family and applies Huawei's message_type rule: a
 * DIGEST message is the hash itself and must have the algorithm's digest length; a RAW message is
 * hashed first, except for SM2DSA_SM3, which signs digests (SM3(Z_A ‖ M)) only.
 */
final class Signatures {
  private Signatures() {}

  /** Returns the digest to sign: the message itself, or its hash for RAW messages. */
  static byte[] digestOf(SigningAlgorithm alg, byte[] message, boolean messageIsDigest)
      throws GeneralSecurityException {
    if (messageIsDigest) {
      if (message.length != alg.digestLength()) {
        throw new SignatureException("digest length must be " + alg.digestLength() + " bytes");
      }
      return message.clone();
    }
    if (alg.family() == SigningAlgorithm.Family.SM2) {
      throw new SignatureException("SM2DSA_SM3 signs digests only");
    }
    return alg.hash().hash(message);
  }

  static byte[] sign(
      SigningAlgorithm alg,
      AsymmetricKeys keys,
      byte[] message,
      boolean messageIsDigest,
      SecureRandom random)
      throws GeneralSecurityException {
    byte[] digest = digestOf(alg, message, messageIsDigest);
    return switch (alg.family()) {
      case RSA_PSS, RSA_PKCS1 -> RsaOperations.sign(alg, keys, digest, random);
      case ECDSA ->
          EcSignatures.ecdsaSign((ECPrivateKeyParameters) keys.bcPrivate(), digest, random);
      case SM2 -> EcSignatures.sm2Sign((ECPrivateKeyParameters) keys.bcPrivate(), digest, random);
    };
  }

  /** Verifies with public keys only; {@code jcaPublic} is needed for RSA and may be null else. */
  static boolean verify(
      SigningAlgorithm alg,
      AsymmetricKeyParameter bcPublic,
      PublicKey jcaPublic,
      byte[] message,
      boolean messageIsDigest,
      byte[] signature)
      throws GeneralSecurityException {
    byte[] digest = digestOf(alg, message, messageIsDigest);
    return switch (alg.family()) {
      case RSA_PSS, RSA_PKCS1 ->
          RsaOperations.verify(alg, jcaPublic, (RSAKeyParameters) bcPublic, digest, signature);
      case ECDSA -> EcSignatures.ecdsaVerify((ECPublicKeyParameters) bcPublic, digest, signature);
      case SM2 -> EcSignatures.sm2Verify((ECPublicKeyParameters) bcPublic, digest, signature);
    };
  }

  /** Verifies against an X.509 SubjectPublicKeyInfo DER; used for public-key-only test vectors. */
  static boolean verifySpki(
      SigningAlgorithm alg, byte[] spki, byte[] message, boolean messageIsDigest, byte[] signature)
      throws GeneralSecurityException {
    AsymmetricKeyParameter bcPublic;
    try {
      bcPublic = PublicKeyFactory.createKey(spki);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeyException("invalid public key");
    }
    PublicKey jcaPublic = null;
    if (bcPublic instanceof RSAKeyParameters) {
      jcaPublic = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    }
    return verify(alg, bcPublic, jcaPublic, message, messageIsDigest, signature);
  }
}
