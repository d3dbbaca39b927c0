package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.DSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The worked SM2 signature example on the recommended curve (GM/T 0003.5-2012 / GB/T 32918.5
 * Appendix A): M = "message digest", ID = "1234567812345678", with the standard's fixed k.
 */
class Sm2KnownAnswerTest {
  private static final BigInteger D =
      hex("3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8");
  private static final BigInteger K =
      hex("59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21");
  private static final String PX =
      "09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020";
  private static final String E =
      "f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640";
  private static final BigInteger R =
      hex("F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3");
  private static final BigInteger S =
      hex("B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA");

  private static BigInteger hex(String h) {
    return new BigInteger(h, 16);
  }

  @Test
  void sign_withStandardK_matchesGmt0003Example() throws Exception {
    X9ECParameters x9 = ECNamedCurveTable.getByName("sm2p256v1");
    ECDomainParameters domain = new ECDomainParameters(x9);
    ECPoint q = x9.getG().multiply(D).normalize();
    assertThat(q.getAffineXCoord().toBigInteger()).isEqualTo(hex(PX));
    byte[] e = TestKeys.sm2Digest(q, "message digest".getBytes(StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(e)).isEqualTo(E);

    byte[] sig = EcSignatures.sm2Sign(new ECPrivateKeyParameters(D, domain), e, new FixedK(K));
    ASN1Sequence seq = ASN1Sequence.getInstance(sig);
    assertThat(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue()).isEqualTo(R);
    assertThat(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue()).isEqualTo(S);
    assertThat(EcSignatures.sm2Verify(new ECPublicKeyParameters(q, domain), e, sig)).isTrue();
    e[0] ^= 1;
    assertThat(EcSignatures.sm2Verify(new ECPublicKeyParameters(q, domain), e, sig)).isFalse();
  }

  private static final class FixedK implements DSAKCalculator {
    private final BigInteger k;

    FixedK(BigInteger k) {
      this.k = k;
    }

    @Override
    public boolean isDeterministic() {
      return true;
    }

    @Override
    public void init(BigInteger n, SecureRandom random) {}

    @Override
    public void init(BigInteger n, BigInteger d, byte[] message) {}

    @Override
    public BigInteger nextK() {
      return k;
    }
  }
}
