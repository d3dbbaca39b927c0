package io.keyloom.crypto;

import java.util.Optional;

/**
 * Huawei KMS {@code mac_algorithm} values; the enum names are the wire names. Each belongs to
 * exactly one HMAC key spec: an HMAC_256 key computes HMAC_SHA_256 and nothing else.
 */
public enum MacAlgorithm {
  HMAC_SHA_256(KeySpec.HMAC_256, HashFunction.SHA_256),
  HMAC_SHA_384(KeySpec.HMAC_384, HashFunction.SHA_384),
  HMAC_SHA_512(KeySpec.HMAC_512, HashFunction.SHA_512),
  HMAC_SM3(KeySpec.HMAC_SM3, HashFunction.SM3);

  private final KeySpec spec;
  private final HashFunction hash;

  MacAlgorithm(KeySpec spec, HashFunction hash) {
    this.spec = spec;
    this.hash = hash;
  }

  /** Returns the algorithm with exactly this wire name, or empty. */
  public static Optional<MacAlgorithm> parse(String wireName) {
    for (MacAlgorithm a : values()) {
      if (a.name().equals(wireName)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The algorithm of an HMAC key spec. */
  public static MacAlgorithm of(KeySpec spec) {
    for (MacAlgorithm a : values()) {
      if (a.spec == spec) {
        return a;
      }
    }
    throw new IllegalArgumentException(spec + " is not an HMAC key spec");
  }

  /** True when keys of {@code spec} compute this algorithm. */
  public boolean supports(KeySpec spec) {
    return this.spec == spec;
  }

  /** The MAC length in bytes: the hash's output length. */
  public int macLength() {
    return hash.length();
  }

  HashFunction hash() {
    return hash;
  }
}
