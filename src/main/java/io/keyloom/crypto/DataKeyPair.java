package io.keyloom.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A fresh asymmetric key pair handed to the caller (create-rsa/ec-datakey-pair): the public key as
 * X.509 SubjectPublicKeyInfo DER and the private key as PKCS#8 DER, held in {@link SecretBytes}.
 * RSA pairs come from the JCA, EC pairs (every curve, including secp256k1 and SM2, which the JDK
 * does not support) from Bouncy Castle; both encodings name the curve by OID.
 */
public final class DataKeyPair {
  private final DataKeyPairSpec spec;
  private final byte[] publicKeyDer;
  private final SecretBytes privateKeyPkcs8;

  private DataKeyPair(DataKeyPairSpec spec, byte[] publicKeyDer, SecretBytes privateKeyPkcs8) {
    this.spec = spec;
    this.publicKeyDer = publicKeyDer;
    this.privateKeyPkcs8 = privateKeyPkcs8;
  }

  /** Generates a pair of {@code spec}, drawing all randomness from {@code random}. */
  public static DataKeyPair generate(DataKeyPairSpec spec, SecureRandom random)
      throws GeneralSecurityException {
    if (spec.isRsa()) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(
          new RSAKeyGenParameterSpec(spec.rsaModulusBits(), CryptoParameters.RSA_PUBLIC_EXPONENT),
          random);
      KeyPair pair = generator.generateKeyPair();
      return of(spec, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded());
    }
    AsymmetricCipherKeyPair pair = KeyMaterials.ecKeyPair(spec.curveName(), random);
    try {
      byte[] spki =
          SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic())
              .getEncoded(ASN1Encoding.DER);
      byte[] pkcs8 =
          PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate())
              .getEncoded(ASN1Encoding.DER);
      return of(spec, spki, pkcs8);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode " + spec + " key pair", e);
    }
  }

  /** Takes ownership of {@code pkcs8}: it is copied into SecretBytes and zeroed. */
  private static DataKeyPair of(DataKeyPairSpec spec, byte[] spki, byte[] pkcs8) {
    try {
      return new DataKeyPair(spec, spki, SecretBytes.copyOf(pkcs8));
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** The spec this pair was generated for. */
  public DataKeyPairSpec spec() {
    return spec;
  }

  /** The public key as X.509 SubjectPublicKeyInfo DER (a copy). */
  public byte[] publicKeyDer() {
    return publicKeyDer.clone();
  }

  /** The private key as PKCS#8 DER; {@link #destroy()} zeroes it. */
  public SecretBytes privateKeyPkcs8() {
    return privateKeyPkcs8;
  }

  /** Zeroes the private key. */
  public void destroy() {
    privateKeyPkcs8.destroy();
  }

  @Override
  public String toString() {
    return "DataKeyPair(" + spec + ", REDACTED)";
  }
}
