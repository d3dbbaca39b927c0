package io.keyloom.auth.sig;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The EC key pair the SDK derives from an AK/SK for {@code SDK-ECDSA-P256-SHA256} and {@code
 * SDK-SM2-SM3} (sdk-auth-protocol.md §4). It is not a real key pair: anyone holding SK can
 * recompute the private scalar, so the server derives the public point from the stored SK.
 */
final class DerivedEcKey {
  /** The SDK reserves 21 bytes for AK plus the counter byte, so longer AKs cannot be signed. */
  static final int MAX_AK_BYTES = 20;

  private static final ECDomainParameters P256 = domain(CustomNamedCurves.getByName("secp256r1"));
  private static final ECDomainParameters SM2 = domain(GMNamedCurves.getByName("sm2p256v1"));
  private static final byte[] PREFIX = {0, 0, 0, 1};
  private static final byte[] SUFFIX = {0, 0, 1, 0};

  private DerivedEcKey() {}

  /** Returns Q = d·G for the credential, or empty if the AK is too long to have been signed. */
  static Optional<ECPublicKeyParameters> publicKey(SigningAlgorithm alg, byte[] ak, byte[] sk) {
    ECDomainParameters domain = alg == SigningAlgorithm.SM2_SM3 ? SM2 : P256;
    return privateScalar(alg, domain.getN(), ak, sk)
        .map(d -> new ECPublicKeyParameters(domain.getG().multiply(d).normalize(), domain));
  }

  /**
   * Derives d: for counter 0..255, c = HMAC(SK, 00000001 ‖ alg ‖ 00 ‖ AK ‖ counter ‖ 00000100,
   * zero-padded to len(alg)+30 bytes); the first c ≤ n−2 gives d = c + 1.
   */
  static Optional<BigInteger> privateScalar(
      SigningAlgorithm alg, BigInteger n, byte[] ak, byte[] sk) {
    if (ak.length > MAX_AK_BYTES) {
      return Optional.empty();
    }
    byte[] algBytes = alg.token().getBytes(StandardCharsets.US_ASCII);
    BigInteger nMinusTwo = n.subtract(BigInteger.TWO);
    for (int counter = 0; counter <= 255; counter++) {
      ByteBuffer data = ByteBuffer.allocate(algBytes.length + 30);
      data.put(PREFIX).put(algBytes).put((byte) 0).put(ak).put((byte) counter).put(SUFFIX);
      BigInteger c = new BigInteger(1, alg.hmac(sk, data.array()));
      if (c.compareTo(nMinusTwo) <= 0) {
        return Optional.of(c.add(BigInteger.ONE));
      }
    }
    return Optional.empty();
  }

  private static ECDomainParameters domain(X9ECParameters x9) {
    return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
  }
}
