package io.keyloom.it;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Key pairs made with the JDK (RSA, NIST EC) or Bouncy Castle's provider (SM2), never Keyloom's
 * code, written as the PKCS#8 PEM a seed file declares; one pair per name for the whole run, since
 * RSA generation is slow.
 */
public final class TestKeyPairs {
  private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestKeyPairs() {}

  /**
   * The pair called {@code name}: {@code rsa1024}, {@code rsa2048}, {@code rsa3072}, {@code p256},
   * {@code p384} or {@code sm2}, optionally suffixed (e.g. {@code p256-b}) for a second one.
   */
  public static KeyPair get(String name) {
    return PAIRS.computeIfAbsent(name, TestKeyPairs::generate);
  }

  private static KeyPair generate(String name) {
    String kind = name.replaceFirst("-.*", "");
    try {
      KeyPairGenerator g;
      if (kind.startsWith("rsa")) {
        g = KeyPairGenerator.getInstance("RSA");
        g.initialize(Integer.parseInt(kind.substring(3)), RANDOM);
      } else if (kind.equals("sm2")) {
        g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
      } else {
        g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(kind.equals("p256") ? "secp256r1" : "secp384r1"));
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("cannot generate " + name, e);
    }
  }

  /** The private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  public static String pem(String name) {
    return pem("PRIVATE KEY", get(name).getPrivate().getEncoded());
  }

  /** A PEM block of {@code type} around {@code der}. */
  public static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  /** {@code text} as a YAML literal block scalar ({@code |}) indented by {@code spaces}. */
  public static String block(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return "|\n" + pad + text.strip().replace("\n", "\n" + pad) + "\n";
  }
}
