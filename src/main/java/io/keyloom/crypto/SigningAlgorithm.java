package io.keyloom.crypto;

import java.util.Optional;

/**
 * Huawei KMS {@code signing_algorithm} values; the enum names are the wire names. Each fixes its
 * hash; PSS uses MGF1 with the same hash, salt length = hash length and trailer 1 (RFC 8017 §9.1).
 */
public enum SigningAlgorithm {
  RSASSA_PSS_SHA_256(Family.RSA_PSS, HashFunction.SHA_256),
  RSASSA_PSS_SHA_384(Family.RSA_PSS, HashFunction.SHA_384),
  RSASSA_PSS_SHA_512(Family.RSA_PSS, HashFunction.SHA_512),
  RSASSA_PKCS1_V1_5_SHA_256(Family.RSA_PKCS1, HashFunction.SHA_256),
  RSASSA_PKCS1_V1_5_SHA_384(Family.RSA_PKCS1, HashFunction.SHA_384),
  RSASSA_PKCS1_V1_5_SHA_512(Family.RSA_PKCS1, HashFunction.SHA_512),
  ECDSA_SHA_256(Family.ECDSA, HashFunction.SHA_256),
  ECDSA_SHA_384(Family.ECDSA, HashFunction.SHA_384),
  ECDSA_SHA_512(Family.ECDSA, HashFunction.SHA_512),
  SM2DSA_SM3(Family.SM2, HashFunction.SM3);

  /** The signature scheme behind an algorithm. */
  enum Family {
    RSA_PSS,
    RSA_PKCS1,
    ECDSA,
    SM2
  }

  private final Family family;
  private final HashFunction hash;

  SigningAlgorithm(Family family, HashFunction hash) {
    this.family = family;
    this.hash = hash;
  }

  /** True when keys of {@code spec} can use this algorithm. */
  public boolean supports(KeySpec spec) {
    return switch (family) {
      case RSA_PSS, RSA_PKCS1 -> spec.isRsa();
      case ECDSA -> spec.isEcdsa();
      case SM2 -> spec.isSm2();
    };
  }

  /** Length in bytes a DIGEST-type message must have: 32, 48 or 64 (SM3: 32). */
  public int digestLength() {
    return hash.length();
  }

  /** Returns the algorithm with exactly this wire name, or empty. */
  public static Optional<SigningAlgorithm> parse(String wireName) {
    for (SigningAlgorithm a : values()) {
      if (a.name().equals(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  Family family() {
    return family;
  }

  HashFunction hash() {
    return hash;
  }
}
