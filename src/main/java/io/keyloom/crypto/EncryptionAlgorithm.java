package io.keyloom.crypto;

import java.security.spec.MGF1ParameterSpec;
import java.util.Optional;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Huawei KMS {@code encryption_algorithm} values; the enum names are the wire names. OAEP
 * parameters are pinned explicitly (hash = MGF1 hash, empty label) rather than taken from a
 * provider default.
 */
public enum EncryptionAlgorithm {
  SYMMETRIC_DEFAULT(null),
  RSAES_OAEP_SHA_256(HashFunction.SHA_256),
  RSAES_OAEP_SHA_1(HashFunction.SHA_1),
  SM2_ENCRYPT(null);

  private final HashFunction oaepHash;

  EncryptionAlgorithm(HashFunction oaepHash) {
    this.oaepHash = oaepHash;
  }

  /** True when keys of {@code spec} can use this algorithm. */
  public boolean supports(KeySpec spec) {
    return switch (this) {
      case SYMMETRIC_DEFAULT -> spec.isSymmetric();
      case RSAES_OAEP_SHA_256, RSAES_OAEP_SHA_1 -> spec.isRsa();
      case SM2_ENCRYPT -> spec.isSm2();
    };
  }

  /** Returns the algorithm with exactly this wire name, or empty. */
  public static Optional<EncryptionAlgorithm> parse(String wireName) {
    for (EncryptionAlgorithm a : values()) {
      if (a.name().equals(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  boolean isOaep() {
    return oaepHash != null;
  }

  /** The OAEP hash (also the MGF1 hash); only for OAEP algorithms. */
  HashFunction oaepHash() {
    if (oaepHash == null) {
      throw new IllegalStateException(name() + " is not OAEP");
    }
    return oaepHash;
  }

  /** Explicit OAEP parameters: hash, MGF1 with the same hash, empty label (RFC 8017 §7.1). */
  OAEPParameterSpec oaepParameters() {
    String hash = oaepHash().jcaName();
    return new OAEPParameterSpec(
        hash, "MGF1", new MGF1ParameterSpec(hash), PSource.PSpecified.DEFAULT);
  }
}
