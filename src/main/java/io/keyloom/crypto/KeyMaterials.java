package io.keyloom.crypto;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/**
 * Generates fresh CMK material for a {@link KeySpec}: raw key bytes for symmetric specs (32 bytes
 * for AES_256, 16 for SM4) and HMAC specs (the hash's output length: 32, 48, 64, 32 for SM3), and
 * the PKCS#8 DER private key for asymmetric ones (RSA with e = 65537 and EC on the NIST curves via
 * the JCA, SM2 on sm2p256v1 via Bouncy Castle).
 */
public final class KeyMaterials {
  private KeyMaterials() {}

  /** Returns new material for {@code spec}, drawing all randomness from {@code random}. */
  public static SecretBytes generate(KeySpec spec, SecureRandom random)
      throws GeneralSecurityException {
    if (spec.hasRawMaterial()) {
      return SecretBytes.random(spec.rawKeyBytes(), random);
    }
    byte[] pkcs8 = spec.isSm2() ? generateSm2(random) : generateJca(spec, random);
    try {
      return SecretBytes.copyOf(pkcs8);
    } finally {
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  private static byte[] generateJca(KeySpec spec, SecureRandom random)
      throws GeneralSecurityException {
    KeyPairGenerator generator;
    if (spec.isRsa()) {
      generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(
          new RSAKeyGenParameterSpec(spec.rsaModulusBits(), CryptoParameters.RSA_PUBLIC_EXPONENT),
          random);
    } else {
      generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(spec.curveName()), random);
    }
    return generator.generateKeyPair().getPrivate().getEncoded();
  }

  private static byte[] generateSm2(SecureRandom random) throws GeneralSecurityException {
    AsymmetricCipherKeyPair pair = ecKeyPair(CryptoParameters.SM2_CURVE, random);
    try {
      return PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate())
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot encode SM2 private key", e);
    }
  }

  /**
   * A Bouncy Castle EC key pair on the named curve {@code curveName} (e.g. "secp256k1",
   * "sm2p256v1"); the domain parameters keep the curve OID, so encodings name the curve.
   */
  static AsymmetricCipherKeyPair ecKeyPair(String curveName, SecureRandom random)
      throws GeneralSecurityException {
    ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(curveName);
    if (oid == null) {
      throw new GeneralSecurityException("unknown curve " + curveName);
    }
    X9ECParameters curve = ECNamedCurveTable.getByOID(oid);
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(oid, curve), random));
    return generator.generateKeyPair();
  }
}
