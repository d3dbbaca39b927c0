package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

class ImportTokensTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String KEY_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

  static ImportTokens tokens() throws GeneralSecurityException {
    return new ImportTokens(ServiceKeys.fixed("k1", SecretBytes.random(32, RANDOM)));
  }

  static ImportToken token(EncryptionAlgorithm alg) throws GeneralSecurityException {
    return new ImportToken(KEY_ID, alg, 1_700_000_000_123L, WrappingKey.generate(alg, RANDOM));
  }

  @Test
  void seal_thenOpen_givesBackEveryField_forEachWrappingAlgorithm() throws Exception {
    ImportTokens tokens = tokens();
    for (EncryptionAlgorithm alg : EncryptionAlgorithm.values()) {
      if (!WrappingKey.canWrap(alg)) {
        continue;
      }
      ImportToken token = token(alg);
      byte[] sealed = tokens.seal(token);
      assertThat(Base64.getEncoder().encodeToString(sealed))
          .as(alg.name())
          .matches("^[0-9a-zA-Z+/=]{200,6144}$");
      ImportToken opened = tokens.open(sealed);
      assertThat(opened.keyId()).isEqualTo(KEY_ID);
      assertThat(opened.algorithm()).isEqualTo(alg);
      assertThat(opened.expiresAtMillis()).isEqualTo(1_700_000_000_123L);
      assertThat(opened.wrappingKey().equalsSecretBytes(token.wrappingKey())).isTrue();
    }
  }

  @Test
  void open_refusesEveryFlippedBit_aCutToken_andAnotherRootKeysToken() throws Exception {
    ImportTokens tokens = tokens();
    byte[] sealed = tokens.seal(token(EncryptionAlgorithm.SM2_ENCRYPT));
    for (int i = 0; i < sealed.length; i++) {
      for (int bit = 0; bit < 8; bit += 7) {
        byte[] flipped = sealed.clone();
        flipped[i] ^= (byte) (1 << bit);
        assertThatThrownBy(() -> tokens.open(flipped)).isInstanceOf(AEADBadTagException.class);
      }
    }
    byte[] cut = Arrays.copyOf(sealed, sealed.length - 1);
    assertThatThrownBy(() -> tokens.open(cut)).isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> tokens().open(sealed)).isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> tokens.open(new byte[0])).isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void toString_neverShowsTheWrappingKey() throws Exception {
    ImportToken token = token(EncryptionAlgorithm.SM2_ENCRYPT);
    assertThat(token.toString()).contains(KEY_ID).contains("REDACTED");
    assertThat(token.toString())
        .doesNotContain(Base64.getEncoder().encodeToString(token.wrappingKey().toByteArray()));
  }

  @Test
  void wrappingKeys_unwrapWhatTheirPublicKeyWrapped() throws Exception {
    for (EncryptionAlgorithm alg :
        new EncryptionAlgorithm[] {
          EncryptionAlgorithm.RSAES_OAEP_SHA_256,
          EncryptionAlgorithm.RSAES_OAEP_SHA_1,
          EncryptionAlgorithm.SM2_ENCRYPT
        }) {
      SecretBytes priv = WrappingKey.generate(alg, RANDOM);
      KeySpec spec = alg == EncryptionAlgorithm.SM2_ENCRYPT ? KeySpec.SM2 : KeySpec.RSA_2048;
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      byte[] wrapped = AsymmetricCmk.create(spec, priv).encrypt(alg, secret);
      assertThat(WrappingKey.unwrap(alg, priv, wrapped).toByteArray()).isEqualTo(secret);
      wrapped[wrapped.length / 2] ^= 1;
      assertThatThrownBy(() -> WrappingKey.unwrap(alg, priv, wrapped))
          .isInstanceOf(GeneralSecurityException.class);
    }
  }
}
