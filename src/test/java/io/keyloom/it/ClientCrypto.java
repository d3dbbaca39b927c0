package io.keyloom.it;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.util.BigIntegers;

/**
 * The client side of Huawei's asymmetric operations, written against the JDK and Bouncy Castle only
 * (never Keyloom's classes): digests for DIGEST-type signing, signature verification, RSAES-OAEP
 * and SM2 encryption. Algorithm names are Huawei's wire names.
 */
public final class ClientCrypto {
  /** The default SM2 user id of GB/T 32918 / GM/T 0009. */
  public static final byte[] SM2_ID = "1234567812345678".getBytes(UTF_8);

  /** RSAES-OAEP with SHA-256 and MGF1(SHA-256), by its Huawei wire name. */
  public static final String OAEP_256 = "RSAES_OAEP_SHA_256";

  /** RSAES-OAEP with SHA-1 and MGF1(SHA-1), by its Huawei wire name. */
  public static final String OAEP_1 = "RSAES_OAEP_SHA_1";

  /** SM2 public-key encryption (GB/T 32918.4), by its Huawei wire name. */
  public static final String SM2 = "SM2_ENCRYPT";

  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientCrypto() {}

  /** Standard Base64, as Huawei's JSON bodies carry binary fields. */
  public static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code length} bytes from a {@link SecureRandom}. */
  public static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The JCA hash of a signing or OAEP algorithm: SHA-1, SHA-256, SHA-384, SHA-512 or SM3. */
  public static String hashName(String alg) {
    for (String bits : List.of("1", "256", "384", "512")) {
      if (alg.endsWith("SHA_" + bits)) {
        return "SHA-" + bits;
      }
    }
    return "SM3";
  }

  /** The digest a DIGEST-type sign request carries (for SM2 see {@link #sm2Digest}). */
  public static byte[] hash(String alg, byte[] message) {
    String name = hashName(alg);
    if (name.equals("SM3")) {
      return sm3(message);
    }
    try {
      return MessageDigest.getInstance(name).digest(message);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Verifies an RSA or ECDSA signature over the original message with the JDK: {@code
   * SHAnnnwithRSA}, {@code SHAnnnwithECDSA}, or {@code RSASSA-PSS} with MGF1(same hash), salt
   * length = hash length, trailer 1.
   */
  public static boolean jcaVerify(String alg, PublicKey key, byte[] message, byte[] signature)
      throws GeneralSecurityException {
    String hash = hashName(alg);
    String compact = hash.replace("-", "");
    Signature verifier;
    if (alg.startsWith("RSASSA_PSS")) {
      verifier = Signature.getInstance("RSASSA-PSS");
      int hashLength = MessageDigest.getInstance(hash).getDigestLength();
      verifier.setParameter(
          new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), hashLength, 1));
    } else if (alg.startsWith("RSASSA_PKCS1")) {
      verifier = Signature.getInstance(compact + "withRSA");
    } else {
      verifier = Signature.getInstance(compact + "withECDSA");
    }
    verifier.initVerify(key);
    verifier.update(message);
    try {
      return verifier.verify(signature);
    } catch (SignatureException e) {
      return false;
    }
  }

  /** e = SM3(Z_A ‖ M), GB/T 32918.2 §6.1 A1-A2, with the default user id. */
  public static byte[] sm2Digest(ECPublicKeyParameters key, byte[] message) {
    byte[] za = za(key);
    byte[] input = Arrays.copyOf(za, za.length + message.length);
    System.arraycopy(message, 0, input, za.length, message.length);
    return sm3(input);
  }

  /** Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A), GB/T 32918.2 §5.5. */
  static byte[] za(ECPublicKeyParameters key) {
    ECDomainParameters d = key.getParameters();
    int entl = SM2_ID.length * 8;
    SM3Digest sm3 = new SM3Digest();
    sm3.update((byte) (entl >> 8));
    sm3.update((byte) entl);
    sm3.update(SM2_ID, 0, SM2_ID.length);
    List<BigInteger> values =
        List.of(
            d.getCurve().getA().toBigInteger(),
            d.getCurve().getB().toBigInteger(),
            d.getG().normalize().getAffineXCoord().toBigInteger(),
            d.getG().normalize().getAffineYCoord().toBigInteger(),
            key.getQ().normalize().getAffineXCoord().toBigInteger(),
            key.getQ().normalize().getAffineYCoord().toBigInteger());
    for (BigInteger v : values) {
      byte[] b = BigIntegers.asUnsignedByteArray(32, v);
      sm3.update(b, 0, b.length);
    }
    byte[] out = new byte[32];
    sm3.doFinal(out, 0);
    return out;
  }

  static byte[] sm3(byte[] input) {
    SM3Digest sm3 = new SM3Digest();
    sm3.update(input, 0, input.length);
    byte[] out = new byte[32];
    sm3.doFinal(out, 0);
    return out;
  }

  /** Bouncy Castle's own SM2 verifier, which derives Z_A and e from the message itself. */
  public static boolean sm2Verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
    SM2Signer verifier = new SM2Signer();
    verifier.init(false, new ParametersWithID(key, SM2_ID));
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  /** RSAES-OAEP with the JDK, parameters spelled out: hash = MGF1 hash, empty label. */
  public static byte[] oaepEncrypt(String alg, PublicKey key, byte[] plaintext)
      throws GeneralSecurityException {
    OAEPParameterSpec params =
        alg.equals(OAEP_256)
            ? new OAEPParameterSpec(
                "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT)
            : new OAEPParameterSpec(
                "SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, params, RANDOM);
    return cipher.doFinal(plaintext);
  }

  /**
   * SM2 encryption with Bouncy Castle's engine in C1C3C2 order, then GM/T 0009 DER: SEQUENCE {
   * INTEGER x, INTEGER y, OCTET STRING C3, OCTET STRING C2 }.
   */
  public static byte[] sm2Encrypt(ECPublicKeyParameters key, byte[] plaintext)
      throws InvalidCipherTextException {
    SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(key, RANDOM));
    byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
    int c3 = 1 + 64;
    int c2 = c3 + 32;
    ASN1Encodable[] fields = {
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))),
      new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, c3))),
      new DEROctetString(Arrays.copyOfRange(raw, c3, c2)),
      new DEROctetString(Arrays.copyOfRange(raw, c2, raw.length))
    };
    try {
      return new DERSequence(fields).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
