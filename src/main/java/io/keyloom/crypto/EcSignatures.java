package io.keyloom.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.SignatureException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RandomDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA (FIPS 186-5) and SM2 (GB/T 32918.2 §6-7) signatures over a precomputed digest, encoded as
 * DER {@code SEQUENCE { INTEGER r, INTEGER s }}. Verification accepts only canonical DER.
 *
 * <p>For SM2 the digest is e = SM3(Z_A ‖ M), computed by the caller. Bouncy Castle's {@code
 * SM2Signer} only accepts the message, so the signing equation is written out here on top of Bouncy
 * Castle's curve arithmetic and k generation.
 */
final class EcSignatures {
  private EcSignatures() {}

  static byte[] ecdsaSign(ECPrivateKeyParameters key, byte[] digest, SecureRandom random)
      throws GeneralSecurityException {
    ECDSASigner signer = new ECDSASigner();
    signer.init(true, new ParametersWithRandom(key, random));
    BigInteger[] rs = signer.generateSignature(digest);
    return encode(key.getParameters(), rs[0], rs[1]);
  }

  static boolean ecdsaVerify(ECPublicKeyParameters key, byte[] digest, byte[] signature) {
    BigInteger[] rs = decode(key.getParameters(), signature);
    if (rs == null) {
      return false;
    }
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, key);
    return verifier.verifySignature(digest, rs[0], rs[1]);
  }

  static byte[] sm2Sign(ECPrivateKeyParameters key, byte[] e, SecureRandom random)
      throws GeneralSecurityException {
    DSAKCalculator k = new RandomDSAKCalculator();
    k.init(key.getParameters().getN(), random);
    return sm2Sign(key, e, k);
  }

  /** SM2 signing with an explicit k source (GB/T 32918.2 §6.1 steps A3-A7). */
  static byte[] sm2Sign(ECPrivateKeyParameters key, byte[] e, DSAKCalculator kCalculator)
      throws GeneralSecurityException {
    ECDomainParameters domain = key.getParameters();
    BigInteger n = domain.getN();
    BigInteger d = key.getD();
    BigInteger eInt = new BigInteger(1, e);
    BigInteger dPlus1Inverse = BigIntegers.modOddInverse(n, d.add(BigInteger.ONE));
    FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
    while (true) {
      BigInteger k = kCalculator.nextK();
      ECPoint p = multiplier.multiply(domain.getG(), k).normalize();
      BigInteger r = eInt.add(p.getAffineXCoord().toBigInteger()).mod(n);
      if (r.signum() == 0 || r.add(k).equals(n)) {
        continue;
      }
      BigInteger s = dPlus1Inverse.multiply(k.subtract(r.multiply(d))).mod(n);
      if (s.signum() != 0) {
        return encode(domain, r, s);
      }
    }
  }

  /** SM2 verification (GB/T 32918.2 §7.1 steps B1-B7). */
  static boolean sm2Verify(ECPublicKeyParameters key, byte[] e, byte[] signature) {
    ECDomainParameters domain = key.getParameters();
    BigInteger[] rs = decode(domain, signature);
    if (rs == null) {
      return false;
    }
    BigInteger n = domain.getN();
    BigInteger r = rs[0];
    BigInteger s = rs[1];
    BigInteger t = r.add(s).mod(n);
    if (t.signum() == 0) {
      return false;
    }
    ECPoint p = ECAlgorithms.sumOfTwoMultiplies(domain.getG(), s, key.getQ(), t).normalize();
    if (p.isInfinity()) {
      return false;
    }
    return new BigInteger(1, e).add(p.getAffineXCoord().toBigInteger()).mod(n).equals(r);
  }

  private static byte[] encode(ECDomainParameters domain, BigInteger r, BigInteger s)
      throws GeneralSecurityException {
    try {
      return StandardDSAEncoding.INSTANCE.encode(domain.getN(), r, s);
    } catch (IOException e) {
      throw new SignatureException("cannot encode signature", e);
    }
  }

  /** Returns {r, s} with 1 ≤ r, s < n from canonical DER, or null for anything else. */
  private static BigInteger[] decode(ECDomainParameters domain, byte[] signature) {
    try {
      BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(domain.getN(), signature);
      BigInteger n = domain.getN();
      for (BigInteger v : rs) {
        if (v.signum() <= 0 || v.compareTo(n) >= 0) {
          return null;
        }
      }
      return rs;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
