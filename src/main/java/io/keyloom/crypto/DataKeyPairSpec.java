package io.keyloom.crypto;

import java.util.Optional;

/**
 * The {@code key_spec} values of create-rsa-datakey-pair and create-ec-datakey-pair; the enum names
 * are the wire names. RSA pairs use e = 65537; EC pairs use the named curve (SEC 2 names, SM2 =
 * sm2p256v1 of GB/T 32918.5).
 */
public enum DataKeyPairSpec {
  RSA_2048(2048, null),
  RSA_3072(3072, null),
  RSA_4096(4096, null),
  ECC_NIST_P256(0, "secp256r1"),
  ECC_NIST_P384(0, "secp384r1"),
  ECC_NIST_P521(0, "secp521r1"),
  ECC_SECG_P256K1(0, "secp256k1"),
  SM2(0, CryptoParameters.SM2_CURVE);

  private final int rsaModulusBits;
  private final String curveName;

  DataKeyPairSpec(int rsaModulusBits, String curveName) {
    this.rsaModulusBits = rsaModulusBits;
    this.curveName = curveName;
  }

  /** True for the RSA specs, which create-rsa-datakey-pair accepts; the rest are EC. */
  public boolean isRsa() {
    return rsaModulusBits > 0;
  }

  /** Returns the spec with exactly this wire name, or empty. */
  public static Optional<DataKeyPairSpec> parse(String wireName) {
    for (DataKeyPairSpec s : values()) {
      if (s.name().equals(wireName)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  int rsaModulusBits() {
    return rsaModulusBits;
  }

  String curveName() {
    return curveName;
  }
}
