package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
  @Test
  void toString_isRedacted() {
    SecretBytes s = SecretBytes.copyOf(new byte[] {0x41, 0x42});
    assertThat(s.toString()).isEqualTo("SecretBytes(REDACTED)").doesNotContain("AB");
  }

  @Test
  void copyOf_isIndependentOfTheSourceArray() {
    byte[] src = {1, 2, 3};
    SecretBytes s = SecretBytes.copyOf(src);
    src[0] = 9;
    assertThat(s.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void toByteArray_returnsACopy() {
    SecretBytes s = SecretBytes.copyOf(new byte[] {1, 2, 3});
    s.toByteArray()[0] = 9;
    assertThat(s.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void equalsSecretBytes_comparesContent() {
    SecretBytes a = SecretBytes.copyOf(new byte[] {1, 2, 3});
    assertThat(a.equalsSecretBytes(SecretBytes.copyOf(new byte[] {1, 2, 3}))).isTrue();
    assertThat(a.equalsSecretBytes(SecretBytes.copyOf(new byte[] {1, 2, 4}))).isFalse();
    assertThat(a.equalsSecretBytes(SecretBytes.copyOf(new byte[] {1, 2}))).isFalse();
    assertThat(a.equalsSecretBytes(null)).isFalse();
  }

  @Test
  void random_hasRequestedSizeAndDiffers() {
    SecureRandom random = new SecureRandom();
    SecretBytes a = SecretBytes.random(32, random);
    assertThat(a.size()).isEqualTo(32);
    assertThat(a.equalsSecretBytes(SecretBytes.random(32, random))).isFalse();
  }

  @Test
  void destroy_zeroesTheBuffer() {
    SecretBytes s = SecretBytes.copyOf(new byte[] {1, 2, 3});
    s.destroy();
    assertThat(s.toByteArray()).containsExactly(0, 0, 0);
  }
}
