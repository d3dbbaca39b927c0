package io.keyloom.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;

/**
 * Checks CMK material that an operator supplies (seed keys) instead of {@link KeyMaterials}
 * generating it: raw bytes for symmetric and HMAC specs, PKCS#8 DER for asymmetric ones, in the
 * same forms {@link SymmetricCmk}, {@link HmacCmk} and {@link AsymmetricCmk} load.
 *
 * <p>Failure messages name the spec and what is wrong with the key's shape (size, curve, type),
 * never a byte of the material.
 */
public final class GivenMaterial {
  private GivenMaterial() {}

  /**
   * Throws unless {@code material} is a usable key of {@code spec}: the right length, or a PKCS#8
   * private key of the spec's type, modulus size or curve whose parts are consistent (RSA p·q = n,
   * EC 0 &lt; d &lt; order).
   */
  public static void check(KeySpec spec, SecretBytes material) throws GeneralSecurityException {
    if (spec.hasRawMaterial()) {
      if (material.size() != spec.rawKeyBytes()) {
        throw new InvalidKeyException(spec + " needs " + spec.rawKeyBytes() + " bytes of material");
      }
      return;
    }
    describeMismatch(spec, privateKey(spec, material));
    AsymmetricKeys.parse(spec, material); // what loading the key will do
  }

  /**
   * Whether two materials of {@code spec} are the same key: equal bytes (compared in constant time)
   * for symmetric and HMAC keys, the same public key for asymmetric ones, so that two PKCS#8
   * encodings of one private key (with or without the optional public key field, say) count as
   * equal.
   */
  public static boolean sameKey(KeySpec spec, SecretBytes a, SecretBytes b)
      throws GeneralSecurityException {
    if (spec.hasRawMaterial()) {
      return a.equalsSecretBytes(b);
    }
    return MessageDigest.isEqual(
        AsymmetricKeys.parse(spec, a).spki(), AsymmetricKeys.parse(spec, b).spki());
  }

  private static AsymmetricKeyParameter privateKey(KeySpec spec, SecretBytes material)
      throws InvalidKeyException {
    byte[] der = material.toByteArray();
    try {
      return PrivateKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new InvalidKeyException("not a PKCS#8 private key usable for " + spec);
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static void describeMismatch(KeySpec spec, AsymmetricKeyParameter key)
      throws InvalidKeyException {
    if (key instanceof RSAPrivateCrtKeyParameters rsa) {
      int bits = rsa.getModulus().bitLength();
      if (!spec.isRsa() || bits != spec.rsaModulusBits()) {
        throw new InvalidKeyException("the key is RSA with " + bits + " bits");
      }
      if (!rsa.getP().multiply(rsa.getQ()).equals(rsa.getModulus())) {
        throw new InvalidKeyException("the RSA key's primes do not match its modulus");
      }
      return;
    }
    if (key instanceof ECPrivateKeyParameters ec) {
      String curve = curveName(ec);
      if (spec.isRsa() || !ECNamedCurveTable.getOID(spec.curveName()).equals(curveOid(ec))) {
        throw new InvalidKeyException("the key is EC on curve " + curve);
      }
      BigInteger d = ec.getD();
      if (d.signum() <= 0 || d.compareTo(ec.getParameters().getN()) >= 0) {
        throw new InvalidKeyException("the EC private value is out of range");
      }
      return;
    }
    throw new InvalidKeyException("the key is neither RSA nor EC");
  }

  private static ASN1ObjectIdentifier curveOid(ECPrivateKeyParameters ec) {
    return ec.getParameters() instanceof ECNamedDomainParameters named ? named.getName() : null;
  }

  private static String curveName(ECPrivateKeyParameters ec) {
    ASN1ObjectIdentifier oid = curveOid(ec);
    if (oid == null) {
      return "(explicit parameters)";
    }
    String name = NISTNamedCurves.getName(oid); // P-256, P-384: the specs' names
    name = name != null ? name : ECNamedCurveTable.getName(oid);
    return name != null ? name : oid.getId();
  }
}
