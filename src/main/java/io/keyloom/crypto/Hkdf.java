package io.keyloom.crypto;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF (RFC 5869) extract-and-expand over a Bouncy Castle digest. */
final class Hkdf {
  private Hkdf() {}

  /**
   * Derives {@code length} bytes from {@code ikm}; {@code salt} may be empty (RFC 5869 §2.2 then
   * uses a zero block) and {@code info} separates purposes. The caller owns and zeroes the result.
   */
  static byte[] derive(Digest digest, byte[] ikm, byte[] salt, byte[] info, int length) {
    if (length <= 0 || length > 255 * digest.getDigestSize()) {
      throw new IllegalArgumentException("invalid HKDF output length");
    }
    HKDFBytesGenerator generator = new HKDFBytesGenerator(digest);
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }
}
