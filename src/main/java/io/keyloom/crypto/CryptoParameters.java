package io.keyloom.crypto;

import java.math.BigInteger;

/**
 * Every fixed algorithm parameter of this package, pinned in one place so that no primitive relies
 * on a provider default (STYLE: no implicit modes). Per-algorithm choices such as OAEP and PSS
 * hashes live on {@link EncryptionAlgorithm} and {@link SigningAlgorithm}.
 */
final class CryptoParameters {
  /** GCM nonce size: 96 bits, the only size SP 800-38D recommends for random nonces. */
  static final int GCM_NONCE_BYTES = 12;

  /** GCM tag size: the full 128 bits; truncated tags are never produced or accepted. */
  static final int GCM_TAG_BYTES = 16;

  /** Root key size: 256 bits. */
  static final int ROOT_KEY_BYTES = 32;

  /** RSA public exponent F4 = 65537 for generated keys. */
  static final BigInteger RSA_PUBLIC_EXPONENT = BigInteger.valueOf(65537);

  /** SM2 default distinguishing identifier (GB/T 32918.2 / GM/T 0009 §10), ASCII. */
  static final String SM2_USER_ID = "1234567812345678";

  /** The Bouncy Castle name of the SM2 curve (GB/T 32918.5). */
  static final String SM2_CURVE = "sm2p256v1";

  /** Largest SM2 plaintext we encrypt, matching Huawei's 4096-byte encrypt-data limit. */
  static final int SM2_MAX_PLAINTEXT = 4096;

  private CryptoParameters() {}
}
