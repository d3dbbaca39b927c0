package io.keyloom.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The primitive behind an HMAC CMK version (HMAC_256, HMAC_384, HMAC_512, HMAC_SM3): RFC 2104 HMAC
 * over the raw key material with the spec's one hash.
 *
 * <p>Contract: {@link #mac} is deterministic (same key, message: same MAC) and returns the full,
 * untruncated tag. {@link #verify} recomputes the tag and compares it in constant time ({@link
 * MessageDigest#isEqual}), so a caller learns only valid or not, never how many bytes matched; a
 * tag of the wrong length is simply not valid. HMAC with SHA-2 uses the JDK's {@link Mac}, HMAC-SM3
 * uses Bouncy Castle's lightweight {@link HMac} (Bouncy Castle is never a JCE provider here).
 * Instances are immutable and thread-safe: each call builds its own MAC engine.
 */
public final class HmacCmk {
  private final MacAlgorithm algorithm;
  private final SecretBytes material;

  private HmacCmk(MacAlgorithm algorithm, SecretBytes material) {
    this.algorithm = algorithm;
    this.material = material;
  }

  /** Creates the primitive; {@code material} must be the spec's length (its hash's output). */
  public static HmacCmk create(KeySpec spec, SecretBytes material) throws GeneralSecurityException {
    if (!spec.isHmac()) {
      throw new InvalidKeyException(spec + " is not an HMAC key spec");
    }
    if (material.size() != spec.rawKeyBytes()) {
      throw new InvalidKeyException("key material size does not match " + spec);
    }
    byte[] copy = material.toByteArray();
    try {
      return new HmacCmk(MacAlgorithm.of(spec), SecretBytes.copyOf(copy));
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** The one algorithm this key computes. */
  public MacAlgorithm algorithm() {
    return algorithm;
  }

  /** The HMAC of {@code message}. */
  public byte[] mac(byte[] message) throws GeneralSecurityException {
    byte[] key = material.toByteArray();
    try {
      return algorithm == MacAlgorithm.HMAC_SM3 ? hmacSm3(key, message) : hmacJca(key, message);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** Whether {@code tag} is the HMAC of {@code message}, compared in constant time. */
  public boolean verify(byte[] message, byte[] tag) throws GeneralSecurityException {
    byte[] expected = mac(message);
    try {
      return MessageDigest.isEqual(expected, tag);
    } finally {
      Arrays.fill(expected, (byte) 0);
    }
  }

  private byte[] hmacJca(byte[] key, byte[] message) throws GeneralSecurityException {
    String name = "Hmac" + algorithm.hash().jcaName().replace("-", "");
    Mac mac = Mac.getInstance(name);
    mac.init(new SecretKeySpec(key, name));
    return mac.doFinal(message);
  }

  private static byte[] hmacSm3(byte[] key, byte[] message) {
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    mac.update(message, 0, message.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }

  @Override
  public String toString() {
    return "HmacCmk[" + algorithm + ", material=REDACTED]";
  }
}
