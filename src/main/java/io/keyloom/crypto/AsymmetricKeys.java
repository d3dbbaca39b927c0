package io.keyloom.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * A parsed asymmetric key pair in the forms the primitives need: Bouncy Castle parameters for every
 * spec, JCA keys for RSA (OAEP and PKCS#1 run on the JCA), and the X.509 SubjectPublicKeyInfo DER.
 * Parsing checks that the key really is of the declared spec.
 */
record AsymmetricKeys(
    KeySpec spec,
    AsymmetricKeyParameter bcPrivate,
    AsymmetricKeyParameter bcPublic,
    PrivateKey jcaPrivate,
    PublicKey jcaPublic,
    byte[] spki) {

  /** Parses PKCS#8 DER {@code pkcs8} as a private key of {@code spec}. */
  static AsymmetricKeys parse(KeySpec spec, SecretBytes pkcs8) throws GeneralSecurityException {
    if (!spec.isAsymmetric()) {
      throw new InvalidKeyException("not an asymmetric key spec");
    }
    byte[] der = pkcs8.toByteArray();
    try {
      AsymmetricKeyParameter priv = PrivateKeyFactory.createKey(der);
      AsymmetricKeyParameter pub = publicOf(spec, priv);
      byte[] spki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pub).getEncoded(ASN1Encoding.DER);
      if (!spec.isRsa()) {
        return new AsymmetricKeys(spec, priv, pub, null, null, spki);
      }
      KeyFactory factory = KeyFactory.getInstance("RSA");
      PrivateKey jcaPrivate = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
      PublicKey jcaPublic = factory.generatePublic(new X509EncodedKeySpec(spki));
      return new AsymmetricKeys(spec, priv, pub, jcaPrivate, jcaPublic, spki);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeyException("invalid PKCS#8 private key for " + spec);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static AsymmetricKeyParameter publicOf(KeySpec spec, AsymmetricKeyParameter priv)
      throws InvalidKeyException {
    if (spec.isRsa() && priv instanceof RSAPrivateCrtKeyParameters rsa) {
      if (rsa.getModulus().bitLength() != spec.rsaModulusBits()) {
        throw new InvalidKeyException("RSA modulus size does not match " + spec);
      }
      return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
    }
    if (!spec.isRsa() && priv instanceof ECPrivateKeyParameters ec) {
      ECDomainParameters domain = ec.getParameters();
      if (!(domain instanceof ECNamedDomainParameters named)
          || !named.getName().equals(ECNamedCurveTable.getOID(spec.curveName()))) {
        throw new InvalidKeyException("EC curve does not match " + spec);
      }
      BigInteger d = ec.getD();
      return new ECPublicKeyParameters(
          new FixedPointCombMultiplier().multiply(domain.getG(), d).normalize(), domain);
    }
    throw new InvalidKeyException("key type does not match " + spec);
  }

  /** The SubjectPublicKeyInfo DER (a copy). */
  @Override
  public byte[] spki() {
    return spki.clone();
  }

  @Override
  public String toString() {
    return "AsymmetricKeys(" + spec + ", REDACTED)";
  }
}
