package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AsymmetricCmkTest {
  private static final byte[] MESSAGE = "the quick brown fox".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(names = {"RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2"})
  void publicKeyPem_isCrlfWrappedSpki(KeySpec spec) throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(spec);
    String pem = cmk.publicKeyPem();
    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\r\n")
        .endsWith("-----END PUBLIC KEY-----\r\n");
    String[] lines = pem.split("\r\n");
    for (int i = 1; i < lines.length - 2; i++) {
      assertThat(lines[i]).hasSize(64);
    }
    String body = String.join("", List.of(lines).subList(1, lines.length - 1));
    assertThat(Base64.getDecoder().decode(body)).isEqualTo(cmk.publicKeyDer());
    assertThat(pem.replace("\r\n", "")).doesNotContain("\n");
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2"})
  void signatures_verifyWithIndependentJcaVerifier(KeySpec spec) throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(spec);
    List<String> failures = new ArrayList<>();
    for (SigningAlgorithm alg : SigningAlgorithm.values()) {
      if (!alg.supports(spec)) {
        assertThatThrownBy(() -> cmk.sign(alg, new byte[alg.digestLength()], true))
            .isInstanceOf(GeneralSecurityException.class);
        continue;
      }
      byte[] digest = digestForIndependentCheck(cmk, alg);
      for (byte[] sig : signBothWays(cmk, alg, digest)) {
        if (!jcaVerify(cmk, alg, sig) || !cmk.verify(alg, digest, true, sig)) {
          failures.add(alg.name());
        }
        sig[sig.length / 2] ^= 1;
        if (cmk.verify(alg, digest, true, sig) || jcaVerify(cmk, alg, sig)) {
          failures.add(alg.name() + " tampered");
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  private static byte[] digestForIndependentCheck(AsymmetricCmk cmk, SigningAlgorithm alg)
      throws Exception {
    if (alg == SigningAlgorithm.SM2DSA_SM3) {
      ECPublicKeyParameters q =
          (ECPublicKeyParameters) PublicKeyFactory.createKey(cmk.publicKeyDer());
      return TestKeys.sm2Digest(q.getQ(), MESSAGE);
    }
    return alg.hash().hash(MESSAGE);
  }

  private static List<byte[]> signBothWays(AsymmetricCmk cmk, SigningAlgorithm alg, byte[] digest)
      throws GeneralSecurityException {
    List<byte[]> sigs = new ArrayList<>(List.of(cmk.sign(alg, digest, true)));
    if (alg != SigningAlgorithm.SM2DSA_SM3) {
      sigs.add(cmk.sign(alg, MESSAGE, false));
      assertThat(cmk.verify(alg, MESSAGE, false, sigs.get(0))).isTrue();
    }
    return sigs;
  }

  /** Verifies over the original MESSAGE with a stock JCA/BC-provider implementation. */
  static boolean jcaVerify(AsymmetricCmk cmk, SigningAlgorithm alg, byte[] sig) throws Exception {
    Signature v = stockVerifier(alg);
    String keyType = alg.name().startsWith("RSASSA") ? "RSA" : "EC";
    KeyFactory factory =
        alg == SigningAlgorithm.SM2DSA_SM3
            ? KeyFactory.getInstance("EC", new BouncyCastleProvider())
            : KeyFactory.getInstance(keyType);
    v.initVerify(factory.generatePublic(new X509EncodedKeySpec(cmk.publicKeyDer())));
    v.update(MESSAGE);
    try {
      return v.verify(sig);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }

  private static Signature stockVerifier(SigningAlgorithm alg) throws Exception {
    String bits = alg.name().substring(alg.name().lastIndexOf('_') + 1);
    String hash = "SHA-" + bits;
    if (alg.name().startsWith("RSASSA_PSS")) {
      Signature v = Signature.getInstance("RSASSA-PSS");
      v.setParameter(
          new PSSParameterSpec(
              hash, "MGF1", new MGF1ParameterSpec(hash), Integer.parseInt(bits) / 8, 1));
      return v;
    }
    if (alg.name().startsWith("RSASSA_PKCS1")) {
      return Signature.getInstance("SHA" + bits + "withRSA");
    }
    if (alg.name().startsWith("ECDSA")) {
      return Signature.getInstance("SHA" + bits + "withECDSA");
    }
    Signature v = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
    v.setParameter(
        new SM2ParameterSpec(CryptoParameters.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII)));
    return v;
  }

  @Test
  void sign_withWrongDigestLength_fails() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.EC_P256);
    assertThatThrownBy(() -> cmk.sign(SigningAlgorithm.ECDSA_SHA_256, new byte[31], true))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> cmk.verify(SigningAlgorithm.ECDSA_SHA_384, new byte[32], true, new byte[8]))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void sign_sm2WithRawMessage_fails() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.SM2);
    assertThatThrownBy(() -> cmk.sign(SigningAlgorithm.SM2DSA_SM3, MESSAGE, false))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void verify_withGarbageSignature_isFalse() throws Exception {
    for (KeySpec spec : new KeySpec[] {KeySpec.RSA_2048, KeySpec.EC_P256, KeySpec.SM2}) {
      AsymmetricCmk cmk = TestKeys.cmk(spec);
      for (SigningAlgorithm alg : SigningAlgorithm.values()) {
        if (alg.supports(spec)) {
          byte[] digest = new byte[alg.digestLength()];
          assertThat(cmk.verify(alg, digest, true, new byte[0])).isFalse();
          assertThat(cmk.verify(alg, digest, true, new byte[] {0x30, 0x00})).isFalse();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA_2048", "RSA_3072", "RSA_4096"})
  void oaep_roundTripsAndDecryptsWithJca(KeySpec spec) throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(spec);
    int k = Integer.parseInt(spec.name().substring(4)) / 8;
    for (EncryptionAlgorithm alg :
        List.of(EncryptionAlgorithm.RSAES_OAEP_SHA_256, EncryptionAlgorithm.RSAES_OAEP_SHA_1)) {
      int hLen = alg == EncryptionAlgorithm.RSAES_OAEP_SHA_256 ? 32 : 20;
      assertThat(cmk.maxPlaintextLength(alg)).isEqualTo(k - 2 * hLen - 2);
      byte[] pt = new byte[cmk.maxPlaintextLength(alg)];
      pt[0] = 42;
      byte[] ct = cmk.encrypt(alg, pt);
      assertThat(ct).hasSize(k);
      assertThat(cmk.decrypt(alg, ct)).isEqualTo(pt);
      assertThat(jcaOaepDecrypt(spec, alg, ct)).isEqualTo(pt);
      assertThatThrownBy(() -> cmk.encrypt(alg, new byte[pt.length + 1]))
          .isInstanceOf(GeneralSecurityException.class);
      ct[5] ^= 1;
      assertThatThrownBy(() -> cmk.decrypt(alg, ct)).isInstanceOf(GeneralSecurityException.class);
    }
  }

  @Test
  void maxPlaintextLength_forRsa2048_matchesHuaweiLimits() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.RSA_2048);
    assertThat(cmk.maxPlaintextLength(EncryptionAlgorithm.RSAES_OAEP_SHA_256)).isEqualTo(190);
    assertThat(cmk.maxPlaintextLength(EncryptionAlgorithm.RSAES_OAEP_SHA_1)).isEqualTo(214);
    assertThat(TestKeys.cmk(KeySpec.SM2).maxPlaintextLength(EncryptionAlgorithm.SM2_ENCRYPT))
        .isEqualTo(4096);
  }

  private static byte[] jcaOaepDecrypt(KeySpec spec, EncryptionAlgorithm alg, byte[] ct)
      throws Exception {
    String hash = alg == EncryptionAlgorithm.RSAES_OAEP_SHA_256 ? "SHA-256" : "SHA-1";
    Cipher c = Cipher.getInstance("RSA/ECB/OAEPWith" + hash + "AndMGF1Padding");
    byte[] der = TestKeys.material(spec).toByteArray();
    c.init(
        Cipher.DECRYPT_MODE,
        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)),
        new javax.crypto.spec.OAEPParameterSpec(
            hash,
            "MGF1",
            new MGF1ParameterSpec(hash),
            javax.crypto.spec.PSource.PSpecified.DEFAULT));
    return c.doFinal(ct);
  }

  @Test
  void sm2Encrypt_roundTripsInDerForm() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.SM2);
    for (int n : new int[] {1, 32, 4096}) {
      byte[] pt = new byte[n];
      pt[n - 1] = 7;
      byte[] ct = cmk.encrypt(EncryptionAlgorithm.SM2_ENCRYPT, pt);
      assertThat(ct[0]).isEqualTo((byte) 0x30);
      assertThat(cmk.decrypt(EncryptionAlgorithm.SM2_ENCRYPT, ct)).isEqualTo(pt);
    }
    assertThatThrownBy(() -> cmk.encrypt(EncryptionAlgorithm.SM2_ENCRYPT, new byte[4097]))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void sm2Decrypt_withTamperedOrNonDerCiphertext_fails() throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(KeySpec.SM2);
    byte[] ct = cmk.encrypt(EncryptionAlgorithm.SM2_ENCRYPT, MESSAGE);
    List<Integer> accepted = new ArrayList<>();
    for (int i = 0; i < ct.length; i++) {
      byte[] bad = ct.clone();
      bad[i] ^= 1;
      try {
        cmk.decrypt(EncryptionAlgorithm.SM2_ENCRYPT, bad);
        accepted.add(i);
      } catch (GeneralSecurityException expected) {
        // rejected as required
      }
    }
    assertThat(accepted).isEmpty();
    byte[] trailing = java.util.Arrays.copyOf(ct, ct.length + 1);
    assertThatThrownBy(() -> cmk.decrypt(EncryptionAlgorithm.SM2_ENCRYPT, trailing))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void encrypt_withUnsuitableAlgorithmOrKey_fails() throws Exception {
    assertThatThrownBy(
            () -> TestKeys.cmk(KeySpec.EC_P256).encrypt(EncryptionAlgorithm.SM2_ENCRYPT, MESSAGE))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () ->
                TestKeys.cmk(KeySpec.RSA_2048)
                    .encrypt(EncryptionAlgorithm.SYMMETRIC_DEFAULT, MESSAGE))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> AsymmetricCmk.create(KeySpec.RSA_3072, TestKeys.material(KeySpec.RSA_2048)))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> AsymmetricCmk.create(KeySpec.EC_P384, TestKeys.material(KeySpec.EC_P256)))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> AsymmetricCmk.create(KeySpec.SM2, TestKeys.material(KeySpec.EC_P256)))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(
            () -> AsymmetricCmk.create(KeySpec.EC_P256, SecretBytes.copyOf(new byte[40])))
        .isInstanceOf(GeneralSecurityException.class);
  }
}
