package io.keyloom.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed check value of imported key material, so that a re-import can be compared with the first
 * import after the material itself was deleted (Huawei KMS.2606, docs/key-import.md). It is
 * HMAC-SHA256 under a key derived from the root key for this purpose alone ({@link #KEY_PURPOSE}),
 * over the key id and the material's identity: the raw bytes of a symmetric key, the public key
 * (SubjectPublicKeyInfo) of an asymmetric one, so two encodings of one private key agree. Without
 * the root key the value is useless for guessing material; it is never a plain hash.
 */
public final class MaterialCheck {
  /** The root-key derivation purpose of the check key. */
  public static final String KEY_PURPOSE = "import-material-check/v1";

  /** Size of the check key. */
  public static final int KEY_BYTES = 32;

  private static final HexFormat HEX = HexFormat.of();
  private final SecretKeySpec key;

  /** Check values under {@code key}, {@link #KEY_BYTES} bytes derived for {@link #KEY_PURPOSE}. */
  public MaterialCheck(SecretBytes key) {
    byte[] raw = key.toByteArray();
    try {
      this.key = new SecretKeySpec(raw, "HmacSHA256");
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * The check value (64 lower-case hex characters) of {@code material} of a key of {@code spec}.
   */
  public String of(String keyId, KeySpec spec, SecretBytes material)
      throws GeneralSecurityException {
    byte[] identity =
        spec.isSymmetric() ? material.toByteArray() : AsymmetricKeys.parse(spec, material).spki();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(keyId.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      mac.update(spec.name().getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) 0);
      return HEX.formatHex(mac.doFinal(identity));
    } finally {
      Arrays.fill(identity, (byte) 0);
    }
  }

  /** Whether two check values are equal, compared in constant time. */
  public static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "MaterialCheck(REDACTED)";
  }
}
