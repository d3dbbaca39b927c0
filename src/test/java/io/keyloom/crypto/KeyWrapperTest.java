package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;

/** Blobs name their root key; legacy blobs open only under the legacy file key. */
class KeyWrapperTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] AD = "key-id|1".getBytes(StandardCharsets.UTF_8);

  static RootKey newKey() throws Exception {
    return RootKey.of(SecretBytes.random(32, RANDOM));
  }

  /** A blob as versions before root key ids wrote it: 0x01 ‖ GCM under the key, AD 0x01 ‖ AD. */
  static byte[] legacyBlob(SecretBytes rootBytes, byte[] plain) throws Exception {
    byte[] ad = new byte[AD.length + 1];
    ad[0] = 0x01;
    System.arraycopy(AD, 0, ad, 1, AD.length);
    byte[] sealed = AesGcm.create(rootBytes).encrypt(plain, ad);
    byte[] out = new byte[sealed.length + 1];
    out[0] = 0x01;
    System.arraycopy(sealed, 0, out, 1, sealed.length);
    return out;
  }

  @Test
  void newBlobs_nameTheRootKeyThatSealedThem() throws Exception {
    RootKey root = newKey();
    byte[] blob = root.wrapper().wrap(SecretBytes.copyOf(new byte[32]), AD);
    assertThat(root.id()).matches("file:[0-9a-f]{16}");
    assertThat(KeyWrapper.rootKeyId(blob)).contains(root.id());
    assertThat(root.wrapper().unwrap(blob, AD).toByteArray()).isEqualTo(new byte[32]);
  }

  @Test
  void legacyBlobs_openUnderTheLegacyFileKey_only() throws Exception {
    SecretBytes bytes = SecretBytes.random(32, RANDOM);
    RootKey root = RootKey.of(bytes);
    byte[] blob = legacyBlob(bytes, new byte[] {7, 7, 7});
    assertThat(KeyWrapper.rootKeyId(blob)).isEmpty();
    assertThat(root.wrapper().unwrap(blob, AD).toByteArray()).isEqualTo(new byte[] {7, 7, 7});
    KeyWrapper withoutLegacy = new KeyWrapper(root, List.of(), null);
    assertThatThrownBy(() -> withoutLegacy.unwrap(blob, AD))
        .isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void aBlobOfAKeyTheWrapperLacks_doesNotOpen_evenUnderAnotherKeyClaimingNothing()
      throws Exception {
    RootKey a = newKey();
    RootKey b = newKey();
    byte[] blob = a.wrapper().wrap(SecretBytes.copyOf(new byte[] {1}), AD);
    assertThatThrownBy(() -> b.wrapper().unwrap(blob, AD))
        .isInstanceOf(AEADBadTagException.class)
        .hasMessageContaining("lacks");
    KeyWrapper both = new KeyWrapper(b, List.of(a), null);
    assertThat(both.unwrap(blob, AD).toByteArray()).isEqualTo(new byte[] {1});
    assertThat(KeyWrapper.rootKeyId(both.wrap(SecretBytes.copyOf(new byte[] {1}), AD)))
        .contains(b.id());
  }

  @Test
  void theIdIsAuthenticated_soRewritingItToAnotherKnownKey_fails() throws Exception {
    RootKey a = newKey();
    RootKey b = newKey();
    KeyWrapper both = new KeyWrapper(a, List.of(b), null);
    byte[] blob = both.wrap(SecretBytes.copyOf(new byte[] {1}), AD);
    byte[] bId = b.id().getBytes(StandardCharsets.US_ASCII);
    byte[] renamed = Arrays.copyOf(blob, blob.length);
    System.arraycopy(bId, 0, renamed, 2, bId.length); // same length: file: + 16 hex
    assertThatThrownBy(() -> both.unwrap(renamed, AD)).isInstanceOf(AEADBadTagException.class);
    byte[] asLegacy = Arrays.copyOf(blob, blob.length);
    asLegacy[0] = 0x01;
    assertThatThrownBy(() -> a.wrapper().unwrap(asLegacy, AD))
        .isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void shortOrUnknownFormats_failWithoutException_leaks() throws Exception {
    KeyWrapper w = newKey().wrapper();
    for (byte[] bad :
        new byte[][] {null, {}, {2}, {2, 0}, {2, 5, 'f'}, {3, 1, 'x', 1}, {2, (byte) 0x80, 1}}) {
      assertThatThrownBy(() -> w.unwrap(bad, AD)).isInstanceOf(AEADBadTagException.class);
    }
  }
}
