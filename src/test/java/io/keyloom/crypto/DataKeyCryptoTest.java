package io.keyloom.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DataKeyDigest on known answers, DataKeyPair generation, and RSA signature length rules. */
class DataKeyCryptoTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void digest_isSha256UnderAesAndSm3UnderSm4_onKnownAnswers() {
    // Huawei's encrypt-datakey example: SHA-256 of 64 zero bytes.
    assertThat(HEX.formatHex(DataKeyDigest.of(KeySpec.AES_256, SecretBytes.copyOf(new byte[64]))))
        .isEqualTo("f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b");
    // GB/T 32905-2016 Appendix A.1: SM3("abc").
    assertThat(
            HEX.formatHex(
                DataKeyDigest.of(KeySpec.SM4, SecretBytes.copyOf("abc".getBytes(US_ASCII)))))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  @Test
  void matches_comparesWholeDigests_andRefusesAsymmetricCmks() {
    SecretBytes key = SecretBytes.copyOf(new byte[] {1, 2, 3});
    byte[] digest = DataKeyDigest.of(KeySpec.AES_256, key);
    assertThat(DataKeyDigest.matches(KeySpec.AES_256, key, digest)).isTrue();
    assertThat(DataKeyDigest.matches(KeySpec.SM4, key, digest)).isFalse();
    assertThat(DataKeyDigest.matches(KeySpec.AES_256, key, Arrays.copyOf(digest, 31))).isFalse();
    assertThatThrownBy(() -> DataKeyDigest.of(KeySpec.RSA_2048, key))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(DataKeyPairSpec.class)
  void pair_isAMatchingSpkiAndPkcs8PairThatTheJcaReads(DataKeyPairSpec spec) throws Exception {
    DataKeyPair pair = DataKeyPair.generate(spec, new SecureRandom());
    KeyFactory factory =
        spec.isRsa()
            ? KeyFactory.getInstance("RSA")
            : KeyFactory.getInstance("EC", new BouncyCastleProvider());
    PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(pair.publicKeyDer()));
    PrivateKey priv =
        factory.generatePrivate(new PKCS8EncodedKeySpec(pair.privateKeyPkcs8().toByteArray()));
    String alg =
        spec.isRsa()
            ? "SHA256withRSA"
            : spec == DataKeyPairSpec.SM2 ? "SM3withSM2" : "SHA256withECDSA";
    Signature signer = Signature.getInstance(alg, new BouncyCastleProvider());
    signer.initSign(priv);
    signer.update(new byte[] {42});
    byte[] sig = signer.sign();
    Signature verifier = Signature.getInstance(alg, new BouncyCastleProvider());
    verifier.initVerify(pub);
    verifier.update(new byte[] {42});
    assertThat(verifier.verify(sig)).isTrue();
    assertThat(pair.toString()).doesNotContain(HEX.formatHex(pair.privateKeyPkcs8().toByteArray()));

    pair.destroy();
    assertThat(pair.privateKeyPkcs8().toByteArray()).containsOnly(0);
  }

  @Test
  void parse_acceptsTheWireNamesOnly() {
    assertThat(DataKeyPairSpec.parse("ECC_SECG_P256K1")).contains(DataKeyPairSpec.ECC_SECG_P256K1);
    assertThat(DataKeyPairSpec.parse("EC_P256")).isEmpty();
    assertThat(DataKeyPairSpec.RSA_3072.isRsa()).isTrue();
    assertThat(DataKeyPairSpec.SM2.isRsa()).isFalse();
  }

  @Test
  void rsaPss_refusesASignatureWithItsLeadingZeroByteStripped() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.RSA_2048);
    byte[] digest = new byte[32];
    byte[] signature;
    do { // about 1 in 256 signatures starts with a zero byte
      signature = cmk.sign(SigningAlgorithm.RSASSA_PSS_SHA_256, digest, true);
    } while (signature[0] != 0);
    byte[] stripped = Arrays.copyOfRange(signature, 1, signature.length);

    assertThat(cmk.verify(SigningAlgorithm.RSASSA_PSS_SHA_256, digest, true, signature)).isTrue();
    assertThat(cmk.verify(SigningAlgorithm.RSASSA_PSS_SHA_256, digest, true, stripped)).isFalse();
  }
}
