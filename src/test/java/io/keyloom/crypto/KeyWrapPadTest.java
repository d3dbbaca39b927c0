package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyWrapPadTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * RFC 5649 §6's example uses a 24-byte KEK, which Keyloom refuses (Huawei's temporary keys are 16
   * or 32 bytes); the construction itself is checked against the JDK's AES/KWP below.
   */
  @Test
  void aes_refusesA24ByteKek_likeTheRfc5649Example() {
    SecretBytes kek =
        SecretBytes.copyOf(HEX.parseHex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8"));
    byte[] wrapped =
        HEX.parseHex("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
    assertThatThrownBy(() -> KeyWrapPad.AES.unwrap(kek, wrapped))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aes_agreesWithTheJdksKwp_forEveryLengthUpTo40() throws Exception {
    for (int size : new int[] {16, 32}) {
      byte[] kekBytes = new byte[size];
      SecretBytes kek = SecretBytes.copyOf(kekBytes);
      for (int n = 1; n <= 40; n++) {
        byte[] plain = new byte[n];
        plain[0] = (byte) n;
        Cipher jdk = Cipher.getInstance("AES/KWP/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kekBytes, "AES"));
        byte[] wrapped = jdk.doFinal(plain);
        assertThat(KeyWrapPad.AES.wrap(kek, plain)).isEqualTo(wrapped);
        assertThat(KeyWrapPad.AES.unwrap(kek, wrapped).toByteArray()).isEqualTo(plain);
      }
    }
  }

  @Test
  void unwrap_refusesTamperingAndAnotherKey() throws Exception {
    SecretBytes kek = SecretBytes.copyOf(new byte[16]);
    for (KeyWrapPad cipher : KeyWrapPad.values()) {
      byte[] wrapped = cipher.wrap(kek, "a private key of some length".getBytes());
      for (int i = 0; i < wrapped.length; i++) {
        byte[] changed = wrapped.clone();
        changed[i] ^= 0x40;
        assertThatThrownBy(() -> cipher.unwrap(kek, changed))
            .isInstanceOf(GeneralSecurityException.class);
      }
      SecretBytes other = SecretBytes.copyOf(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
      assertThatThrownBy(() -> cipher.unwrap(other, wrapped))
          .isInstanceOf(GeneralSecurityException.class);
    }
    assertThat(KeyWrapPad.SM4.acceptsKeyLength(32)).isFalse();
    assertThat(KeyWrapPad.AES.acceptsKeyLength(24)).isFalse();
  }
}
