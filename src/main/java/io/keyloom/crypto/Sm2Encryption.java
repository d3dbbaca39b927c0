package io.keyloom.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 public-key encryption (GB/T 32918.4) with SM3, in the GM/T 0009 DER form {@code SEQUENCE {
 * INTEGER x, INTEGER y, OCTET STRING C3, OCTET STRING C2 }} (C1C3C2 order, set explicitly: Bouncy
 * Castle's JCA default is C1C2C3). Decryption accepts only canonical DER of that shape.
 */
final class Sm2Encryption {
  private static final int COORDINATE_BYTES = 32;
  private static final int C3_BYTES = 32;

  private Sm2Encryption() {}

  static byte[] encrypt(ECPublicKeyParameters key, byte[] plaintext, SecureRandom random)
      throws GeneralSecurityException {
    if (plaintext.length == 0 || plaintext.length > CryptoParameters.SM2_MAX_PLAINTEXT) {
      throw new IllegalBlockSizeException(
          "SM2 plaintext must be 1.." + CryptoParameters.SM2_MAX_PLAINTEXT + " bytes");
    }
    SM2Engine engine = newEngine();
    engine.init(true, new ParametersWithRandom(key, random));
    try {
      return toDer(engine.processBlock(plaintext, 0, plaintext.length));
    } catch (InvalidCipherTextException | IOException e) {
      throw new GeneralSecurityException("SM2 encryption failed", e);
    }
  }

  static byte[] decrypt(ECPrivateKeyParameters key, byte[] ciphertext)
      throws GeneralSecurityException {
    byte[] raw = fromDer(ciphertext);
    SM2Engine engine = newEngine();
    engine.init(false, key);
    try {
      return engine.processBlock(raw, 0, raw.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new BadPaddingException("decryption failed");
    }
  }

  private static SM2Engine newEngine() {
    return new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
  }

  /** C1 (04 ‖ x ‖ y) ‖ C3 ‖ C2 → DER. */
  private static byte[] toDer(byte[] raw) throws IOException {
    int c3Offset = 1 + 2 * COORDINATE_BYTES;
    int c2Offset = c3Offset + C3_BYTES;
    ASN1Encodable[] fields = {
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + COORDINATE_BYTES))),
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + COORDINATE_BYTES, c3Offset))),
      new DEROctetString(Arrays.copyOfRange(raw, c3Offset, c2Offset)),
      new DEROctetString(Arrays.copyOfRange(raw, c2Offset, raw.length))
    };
    return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
  }

  /** DER → C1 (04 ‖ x ‖ y) ‖ C3 ‖ C2, rejecting BER, extra fields and out-of-range values. */
  private static byte[] fromDer(byte[] der) throws GeneralSecurityException {
    try {
      ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
      if (seq.size() != 4 || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), der)) {
        throw new BadPaddingException("decryption failed");
      }
      byte[] x = coordinate(ASN1Integer.getInstance(seq.getObjectAt(0)).getValue());
      byte[] y = coordinate(ASN1Integer.getInstance(seq.getObjectAt(1)).getValue());
      byte[] c3 = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
      byte[] c2 = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
      if (c3.length != C3_BYTES || c2.length == 0) {
        throw new BadPaddingException("decryption failed");
      }
      byte[] raw = new byte[1 + x.length + y.length + c3.length + c2.length];
      raw[0] = 0x04;
      System.arraycopy(x, 0, raw, 1, x.length);
      System.arraycopy(y, 0, raw, 1 + x.length, y.length);
      System.arraycopy(c3, 0, raw, 1 + x.length + y.length, c3.length);
      System.arraycopy(c2, 0, raw, raw.length - c2.length, c2.length);
      return raw;
    } catch (IOException | RuntimeException e) {
      throw new BadPaddingException("decryption failed");
    }
  }

  private static byte[] coordinate(BigInteger v) throws BadPaddingException {
    if (v.signum() < 0 || v.bitLength() > COORDINATE_BYTES * 8) {
      throw new BadPaddingException("decryption failed");
    }
    return BigIntegers.asUnsignedByteArray(COORDINATE_BYTES, v);
  }
}
