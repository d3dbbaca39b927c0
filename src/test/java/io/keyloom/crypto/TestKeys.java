package io.keyloom.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/** Shared, lazily generated test keys (RSA generation is slow) and an SM2 Z_A helper. */
final class TestKeys {
  private static final Map<KeySpec, SecretBytes> MATERIAL = new EnumMap<>(KeySpec.class);

  private TestKeys() {}

  static synchronized SecretBytes material(KeySpec spec) throws GeneralSecurityException {
    SecretBytes m = MATERIAL.get(spec);
    if (m == null) {
      m = KeyMaterials.generate(spec, new SecureRandom());
      MATERIAL.put(spec, m);
    }
    return m;
  }

  static AsymmetricCmk cmk(KeySpec spec) throws GeneralSecurityException {
    return AsymmetricCmk.create(spec, material(spec));
  }

  /**
   * e = SM3(Z_A ‖ M) with Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), written out here from
   * GB/T 32918.2 §5.5 independently of the main code.
   */
  static byte[] sm2Digest(ECPoint publicPoint, byte[] message) {
    X9ECParameters p = ECNamedCurveTable.getByName("sm2p256v1");
    byte[] id = CryptoParameters.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);
    SM3Digest za = new SM3Digest();
    int entl = id.length * 8;
    za.update((byte) (entl >> 8));
    za.update((byte) entl);
    za.update(id, 0, id.length);
    ECPoint q = publicPoint.normalize();
    ECPoint g = p.getG().normalize();
    for (BigInteger v :
        new BigInteger[] {
          p.getCurve().getA().toBigInteger(), p.getCurve().getB().toBigInteger(),
          g.getAffineXCoord().toBigInteger(), g.getAffineYCoord().toBigInteger(),
          q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()
        }) {
      za.update(BigIntegers.asUnsignedByteArray(32, v), 0, 32);
    }
    byte[] z = new byte[32];
    za.doFinal(z, 0);
    SM3Digest e = new SM3Digest();
    e.update(z, 0, z.length);
    e.update(message, 0, message.length);
    byte[] out = new byte[32];
    e.doFinal(out, 0);
    return out;
  }
}
