package io.keyloom.crypto;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The hash functions used by the OAEP, PSS, PKCS#1, ECDSA and SM2 algorithms of this package. */
enum HashFunction {
  SHA_1("SHA-1", 20, new ASN1ObjectIdentifier("1.3.14.3.2.26")),
  SHA_256("SHA-256", 32, NISTObjectIdentifiers.id_sha256),
  SHA_384("SHA-384", 48, NISTObjectIdentifiers.id_sha384),
  SHA_512("SHA-512", 64, NISTObjectIdentifiers.id_sha512),
  SM3("SM3", 32, GMObjectIdentifiers.sm3);

  private final String jcaName;
  private final int length;
  private final ASN1ObjectIdentifier oid;

  HashFunction(String jcaName, int length, ASN1ObjectIdentifier oid) {
    this.jcaName = jcaName;
    this.length = length;
    this.oid = oid;
  }

  /** The JCA standard name, e.g. "SHA-256" (as used by OAEPParameterSpec). */
  String jcaName() {
    return jcaName;
  }

  /** The output length in bytes. */
  int length() {
    return length;
  }

  /** The algorithm OID, as placed in a PKCS#1 DigestInfo. */
  ASN1ObjectIdentifier oid() {
    return oid;
  }

  /** A fresh Bouncy Castle digest instance. */
  Digest newDigest() {
    return switch (this) {
      case SHA_1 -> new SHA1Digest();
      case SHA_256 -> new SHA256Digest();
      case SHA_384 -> new SHA384Digest();
      case SHA_512 -> new SHA512Digest();
      case SM3 -> new SM3Digest();
    };
  }

  /** Hashes {@code message} in one call. */
  byte[] hash(byte[] message) {
    Digest digest = newDigest();
    digest.update(message, 0, message.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
