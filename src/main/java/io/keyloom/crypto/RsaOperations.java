package io.keyloom.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAKey;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.PSSSigner;

/**
 * RSA encryption (RSAES-OAEP on the JCA with explicit parameters) and signatures over a precomputed
 * digest: RSASSA-PKCS1-v1_5 as JCA {@code NONEwithRSA} over a DigestInfo we encode, RSASSA-PSS with
 * Bouncy Castle's raw {@link PSSSigner} (MGF1 with the same hash, salt length = hash length,
 * trailer field 1, RFC 8017 §8.1/§9.1).
 */
final class RsaOperations {
  private RsaOperations() {}

  /** Largest OAEP plaintext for a {@code modulusBits} key: k - 2·hLen - 2 (RFC 8017 §7.1.1). */
  static int maxOaepPlaintext(int modulusBits, EncryptionAlgorithm alg) {
    return (modulusBits + 7) / 8 - 2 * alg.oaepHash().length() - 2;
  }

  static byte[] oaepEncrypt(
      EncryptionAlgorithm alg, PublicKey key, byte[] plaintext, SecureRandom random)
      throws GeneralSecurityException {
    int modulusBits = ((RSAKey) key).getModulus().bitLength();
    if (plaintext.length > maxOaepPlaintext(modulusBits, alg)) {
      throw new IllegalBlockSizeException("plaintext too long for " + alg);
    }
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, alg.oaepParameters(), random);
    return cipher.doFinal(plaintext);
  }

  static byte[] oaepDecrypt(EncryptionAlgorithm alg, PrivateKey key, byte[] ciphertext)
      throws GeneralSecurityException {
    int k = (((RSAKey) key).getModulus().bitLength() + 7) / 8;
    if (ciphertext.length != k) {
      throw new BadPaddingException("decryption failed");
    }
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    cipher.init(Cipher.DECRYPT_MODE, key, alg.oaepParameters());
    return cipher.doFinal(ciphertext);
  }

  static byte[] sign(SigningAlgorithm alg, AsymmetricKeys keys, byte[] digest, SecureRandom random)
      throws GeneralSecurityException {
    if (alg.family() == SigningAlgorithm.Family.RSA_PSS) {
      PSSSigner signer = pssSigner(alg);
      signer.init(true, new ParametersWithRandom(keys.bcPrivate(), random));
      signer.update(digest, 0, digest.length);
      try {
        return signer.generateSignature();
      } catch (CryptoException e) {
        throw new SignatureException("PSS signing failed", e);
      }
    }
    Signature signature = Signature.getInstance("NONEwithRSA");
    signature.initSign(keys.jcaPrivate(), random);
    signature.update(digestInfo(alg, digest));
    return signature.sign();
  }

  /** Verifies with the public key only; false for any malformed or wrong signature. */
  static boolean verify(
      SigningAlgorithm alg, PublicKey jcaKey, RSAKeyParameters bcKey, byte[] digest, byte[] sig)
      throws GeneralSecurityException {
    int k = (bcKey.getModulus().bitLength() + 7) / 8;
    if (sig.length != k) {
      return false; // RFC 8017 §8.1.2/§8.2.2 step 1; PSSSigner alone would accept k-1 bytes
    }
    if (alg.family() == SigningAlgorithm.Family.RSA_PSS) {
      PSSSigner verifier = pssSigner(alg);
      verifier.init(false, bcKey);
      verifier.update(digest, 0, digest.length);
      return verifier.verifySignature(sig);
    }
    Signature verifier = Signature.getInstance("NONEwithRSA");
    verifier.initVerify(jcaKey);
    verifier.update(digestInfo(alg, digest));
    try {
      return verifier.verify(sig);
    } catch (SignatureException e) {
      return false;
    }
  }

  private static PSSSigner pssSigner(SigningAlgorithm alg) {
    HashFunction hash = alg.hash();
    return PSSSigner.createRawSigner(
        new RSABlindedEngine(),
        hash.newDigest(),
        hash.newDigest(),
        hash.length(),
        PSSSigner.TRAILER_IMPLICIT);
  }

  /** DER DigestInfo with explicit NULL parameters, as RFC 8017 §9.2 note 1 prescribes. */
  private static byte[] digestInfo(SigningAlgorithm alg, byte[] digest)
      throws GeneralSecurityException {
    try {
      AlgorithmIdentifier id = new AlgorithmIdentifier(alg.hash().oid(), DERNull.INSTANCE);
      return new DigestInfo(id, digest).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new SignatureException("cannot encode DigestInfo", e);
    }
  }
}
