package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CiphertextBlobTest {
  private static byte[] sample() throws GeneralSecurityException {
    return SymmetricCmkTest.newCmk(KeySpec.AES_256)
        .encrypt(SymmetricCmkTest.KEY_ID, 5, new byte[10], null);
  }

  private static void assertRejected(byte[] bytes) {
    assertThatThrownBy(() -> CiphertextBlob.parse(bytes))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void parse_thenToByteArray_isIdentity() throws Exception {
    byte[] ct = sample();
    CiphertextBlob blob = CiphertextBlob.parse(ct);
    assertThat(blob.toByteArray()).isEqualTo(ct);
    assertThat(blob.keyVersion()).isEqualTo(5);
    assertThat(blob).isEqualTo(CiphertextBlob.parse(ct));
    assertThat(blob.toString()).contains(SymmetricCmkTest.KEY_ID);
  }

  @Test
  void parse_withNullEmptyOrShortInput_fails() throws Exception {
    assertRejected(null);
    assertRejected(new byte[0]);
    byte[] ct = sample();
    for (int len : new int[] {1, 4, 100, 140}) {
      assertRejected(Arrays.copyOf(ct, len));
    }
  }

  @Test
  void parse_withBadVersion_fails() throws Exception {
    byte[] ct = sample();
    ct[0] = 0x01;
    assertRejected(ct);
    byte[] ct2 = sample();
    ct2[1] = 0x01;
    assertRejected(ct2);
  }

  @Test
  void parse_withLengthMismatch_fails() throws Exception {
    byte[] ct = sample();
    ct[2]++;
    assertRejected(ct);
    assertRejected(Arrays.copyOf(sample(), sample().length + 1));
    assertRejected(Arrays.copyOf(sample(), sample().length - 1));
    byte[] huge = sample();
    huge[2] = (byte) 0xff;
    huge[3] = (byte) 0xff;
    assertRejected(huge);
  }

  @Test
  void parse_withUnknownSuiteOrReservedBits_fails() throws Exception {
    for (int pos = 4; pos < 8; pos++) {
      byte[] ct = sample();
      ct[pos] = (byte) (pos == 4 ? 3 : 1);
      assertRejected(ct);
    }
  }

  @Test
  void parse_withBadKeyId_fails() throws Exception {
    byte[] ct = sample();
    int keyIdAt = ct.length - 32 - 4 - 36;
    for (char c : new char[] {'A', 'g', ' ', '\u00e9', '_'}) {
      byte[] bad = ct.clone();
      bad[keyIdAt + 3] = (byte) c;
      assertRejected(bad);
    }
  }

  @Test
  void parse_withNegativeKeyVersion_fails() throws Exception {
    byte[] ct = sample();
    ct[ct.length - 32 - 4] = (byte) 0x80;
    assertRejected(ct);
  }

  @Test
  void constructor_withInvalidField_fails() {
    String id = SymmetricCmkTest.KEY_ID;
    assertThatThrownBy(
            () ->
                new CiphertextBlob(
                    1, new byte[31], new byte[12], new byte[17], id, 1, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CiphertextBlob(
                    9, new byte[32], new byte[12], new byte[17], id, 1, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CiphertextBlob(
                    1, new byte[32], new byte[12], new byte[17], "x", 1, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void accessors_returnCopies() throws Exception {
    CiphertextBlob blob = CiphertextBlob.parse(sample());
    blob.trailer()[0] ^= 1;
    blob.sealed()[0] ^= 1;
    assertThat(CiphertextBlob.parse(blob.toByteArray())).isEqualTo(blob);
  }
}
