package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlgorithmsTest {
  @Test
  void parse_acceptsExactWireNamesOnly() {
    assertThat(EncryptionAlgorithm.parse("RSAES_OAEP_SHA_1"))
        .contains(EncryptionAlgorithm.RSAES_OAEP_SHA_1);
    assertThat(EncryptionAlgorithm.parse("rsaes_oaep_sha_1")).isEmpty();
    assertThat(EncryptionAlgorithm.parse(null)).isEmpty();
    assertThat(SigningAlgorithm.parse("SM2DSA_SM3")).contains(SigningAlgorithm.SM2DSA_SM3);
    assertThat(SigningAlgorithm.parse("ECDSA_SHA_1")).isEqualTo(Optional.empty());
  }

  @Test
  void supports_matchesHuaweiAlgorithmToKeySpecRules() {
    assertThat(EncryptionAlgorithm.SYMMETRIC_DEFAULT.supports(KeySpec.SM4)).isTrue();
    assertThat(EncryptionAlgorithm.SYMMETRIC_DEFAULT.supports(KeySpec.RSA_2048)).isFalse();
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_256.supports(KeySpec.RSA_4096)).isTrue();
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_256.supports(KeySpec.EC_P256)).isFalse();
    assertThat(EncryptionAlgorithm.SM2_ENCRYPT.supports(KeySpec.SM2)).isTrue();
    assertThat(SigningAlgorithm.ECDSA_SHA_512.supports(KeySpec.EC_P256)).isTrue();
    assertThat(SigningAlgorithm.ECDSA_SHA_256.supports(KeySpec.SM2)).isFalse();
    assertThat(SigningAlgorithm.RSASSA_PSS_SHA_384.supports(KeySpec.RSA_3072)).isTrue();
    assertThat(SigningAlgorithm.SM2DSA_SM3.supports(KeySpec.SM2)).isTrue();
    assertThat(SigningAlgorithm.SM2DSA_SM3.supports(KeySpec.EC_P256)).isFalse();
  }

  @Test
  void digestLength_isHashOutputLength() {
    assertThat(SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384.digestLength()).isEqualTo(48);
    assertThat(SigningAlgorithm.ECDSA_SHA_512.digestLength()).isEqualTo(64);
    assertThat(SigningAlgorithm.SM2DSA_SM3.digestLength()).isEqualTo(32);
  }

  @Test
  void keySpecFlags_partitionTheSpecs() {
    for (KeySpec spec : KeySpec.values()) {
      int flags =
          (spec.isSymmetric() ? 1 : 0)
              + (spec.isHmac() ? 1 : 0)
              + (spec.isRsa() ? 1 : 0)
              + (spec.isEcdsa() ? 1 : 0)
              + (spec.isSm2() ? 1 : 0);
      assertThat(flags).as(spec.name()).isEqualTo(1);
    }
  }

  @Test
  void generate_symmetricMaterial_hasSpecLength() throws Exception {
    SecureRandom random = new SecureRandom();
    assertThat(KeyMaterials.generate(KeySpec.AES_256, random).size()).isEqualTo(32);
    assertThat(KeyMaterials.generate(KeySpec.SM4, random).size()).isEqualTo(16);
  }
}
