package io.keyloom.crypto;

/**
 * Huawei KMS {@code key_spec} values Keyloom supports; the enum names are the wire names. The sizes
 * and curves each spec implies are fixed here and nowhere else.
 */
public enum KeySpec {
  AES_256(Kind.SYMMETRIC, 32, 0, null),
  SM4(Kind.SYMMETRIC, 16, 0, null),
  RSA_2048(Kind.ASYMMETRIC, 0, 2048, null),
  RSA_3072(Kind.ASYMMETRIC, 0, 3072, null),
  RSA_4096(Kind.ASYMMETRIC, 0, 4096, null),
  EC_P256(Kind.ASYMMETRIC, 0, 0, "secp256r1"),
  EC_P384(Kind.ASYMMETRIC, 0, 0, "secp384r1"),
  SM2(Kind.ASYMMETRIC, 0, 0, CryptoParameters.SM2_CURVE),
  // HMAC keys are as long as their hash's output (RFC 2104 §3: L bytes is the floor that counts).
  HMAC_256(Kind.HMAC, 32, 0, null),
  HMAC_384(Kind.HMAC, 48, 0, null),
  HMAC_512(Kind.HMAC, 64, 0, null),
  HMAC_SM3(Kind.HMAC, 32, 0, null);

  /**
   * The kind of key a spec makes, which decides its primitive and the operations it may reach:
   * symmetric keys encrypt and wrap data keys, asymmetric keys sign or encrypt with a public key,
   * HMAC keys only compute and verify MACs.
   */
  public enum Kind {
    SYMMETRIC,
    ASYMMETRIC,
    HMAC
  }

  private final Kind kind;
  private final int rawKeyBytes;
  private final int rsaModulusBits;
  private final String curveName;

  KeySpec(Kind kind, int rawKeyBytes, int rsaModulusBits, String curveName) {
    this.kind = kind;
    this.rawKeyBytes = rawKeyBytes;
    this.rsaModulusBits = rsaModulusBits;
    this.curveName = curveName;
  }

  /** The kind of key this spec makes. */
  public Kind kind() {
    return kind;
  }

  /** True for AES_256 and SM4. */
  public boolean isSymmetric() {
    return kind == Kind.SYMMETRIC;
  }

  /** True for the RSA, EC and SM2 specs. */
  public boolean isAsymmetric() {
    return kind == Kind.ASYMMETRIC;
  }

  /** True for HMAC_256, HMAC_384, HMAC_512 and HMAC_SM3. */
  public boolean isHmac() {
    return kind == Kind.HMAC;
  }

  /**
   * {@code key_type} of KeyDetails: "1" symmetric, "2" asymmetric, "3" HMAC. Huawei documents the
   * field without its values; docs/hmac-keys.md says why these.
   */
  public String keyType() {
    return switch (kind) {
      case SYMMETRIC -> "1";
      case ASYMMETRIC -> "2";
      case HMAC -> "3";
    };
  }

  /** True for RSA_2048, RSA_3072 and RSA_4096. */
  public boolean isRsa() {
    return rsaModulusBits > 0;
  }

  /** True for the NIST curves EC_P256 and EC_P384 (ECDSA keys). */
  public boolean isEcdsa() {
    return this == EC_P256 || this == EC_P384;
  }

  /** True for SM2 (GB/T 32918 on sm2p256v1). */
  public boolean isSm2() {
    return this == SM2;
  }

  /** Whether the material is raw key bytes (symmetric and HMAC specs), not a PKCS#8 key. */
  public boolean hasRawMaterial() {
    return kind != Kind.ASYMMETRIC;
  }

  /** Raw key length in bytes for symmetric and HMAC specs, 0 otherwise. */
  int rawKeyBytes() {
    return rawKeyBytes;
  }

  /** RSA modulus length in bits, 0 for non-RSA specs. */
  int rsaModulusBits() {
    return rsaModulusBits;
  }

  /** Curve name (JCA for NIST curves, Bouncy Castle for SM2), null for non-EC specs. */
  String curveName() {
    return curveName;
  }
}
