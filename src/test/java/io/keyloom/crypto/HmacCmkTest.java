package io.keyloom.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * HMAC CMKs against known answers made outside Java (Python's hmac module and OpenSSL 3 {@code dgst
 * -sm3 -mac HMAC} agree on the SM3 one) and against the JDK's {@link Mac} and Bouncy Castle's
 * {@link HMac} on random keys and messages.
 */
class HmacCmkTest {
  private static final byte[] MESSAGE = "Keyloom HMAC known answer".getBytes(UTF_8);
  // key = bytes 00 01 02 ... of the spec's length
  private static final Map<KeySpec, String> KNOWN =
      Map.of(
          KeySpec.HMAC_256,
          "f400529ed26d7f7f91d4e2a8f2bde9d0345208b9343f975d507e08e1d53c7cfc",
          KeySpec.HMAC_384,
          "ef5754d148cacad94dbc7d1801af62292192cef3051a0bdab814bbdc438b096f"
              + "ae74096c48ebc15c1e9d3eb0584593fe",
          KeySpec.HMAC_512,
          "a3b610d813432291b62cfaa0e1dd82dda10396bf679e128d2ebe74e508c546c0"
              + "9f5e81e6e2c9cedcae828dd35ac1e4c2565f0d6f53af58da3ff20113fa610eb0",
          KeySpec.HMAC_SM3,
          "06618465bbd04e9138250816045e0ed552ca09683440d34e6bf8dbb51d03b87e");

  private static SecretBytes countingKey(KeySpec spec) {
    byte[] key = new byte[spec.rawKeyBytes()];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) i;
    }
    return SecretBytes.copyOf(key);
  }

  @Test
  void mac_matchesKnownAnswers_forEverySpec() throws Exception {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<KeySpec, String> e : KNOWN.entrySet()) {
      byte[] mac = HmacCmk.create(e.getKey(), countingKey(e.getKey())).mac(MESSAGE);
      if (!HexFormat.of().formatHex(mac).equals(e.getValue())) {
        failures.add(e.getKey().name());
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void mac_matchesJdkAndBouncyCastle_onRandomKeys() throws Exception {
    SecureRandom random = new SecureRandom();
    for (KeySpec spec : List.of(KeySpec.HMAC_256, KeySpec.HMAC_384, KeySpec.HMAC_512)) {
      for (int n : new int[] {1, 64, 4096}) {
        byte[] message = new byte[n];
        random.nextBytes(message);
        SecretBytes key = KeyMaterials.generate(spec, random);
        String jca = "Hmac" + spec.name().replace("HMAC_", "SHA");
        Mac mac = Mac.getInstance(jca);
        mac.init(new SecretKeySpec(key.toByteArray(), jca));
        assertThat(HmacCmk.create(spec, key).mac(message)).isEqualTo(mac.doFinal(message));
      }
    }
    SecretBytes key = KeyMaterials.generate(KeySpec.HMAC_SM3, random);
    HMac sm3 = new HMac(new SM3Digest());
    sm3.init(new KeyParameter(key.toByteArray()));
    sm3.update(MESSAGE, 0, MESSAGE.length);
    byte[] expected = new byte[32];
    sm3.doFinal(expected, 0);
    assertThat(HmacCmk.create(KeySpec.HMAC_SM3, key).mac(MESSAGE)).isEqualTo(expected);
  }

  @Test
  void verify_acceptsOnlyTheExactTag() throws Exception {
    for (KeySpec spec : KNOWN.keySet()) {
      HmacCmk cmk = HmacCmk.create(spec, countingKey(spec));
      byte[] tag = cmk.mac(MESSAGE);
      assertThat(cmk.verify(MESSAGE, tag)).as(spec.name()).isTrue();
      byte[] flipped = tag.clone();
      flipped[tag.length - 1] ^= 1;
      assertThat(cmk.verify(MESSAGE, flipped)).isFalse();
      assertThat(cmk.verify(MESSAGE, Arrays.copyOf(tag, tag.length - 1))).isFalse();
      assertThat(cmk.verify(MESSAGE, Arrays.copyOf(tag, tag.length + 1))).isFalse();
      assertThat(cmk.verify(MESSAGE, new byte[0])).isFalse();
      assertThat(cmk.verify("other".getBytes(UTF_8), tag)).isFalse();
    }
  }

  @Test
  void create_withWrongMaterialLengthOrSpec_isRefused() {
    assertThatThrownBy(() -> HmacCmk.create(KeySpec.HMAC_384, SecretBytes.copyOf(new byte[32])))
        .isInstanceOf(InvalidKeyException.class)
        .hasMessageNotContaining("00");
    assertThatThrownBy(() -> HmacCmk.create(KeySpec.AES_256, SecretBytes.copyOf(new byte[32])))
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void generate_hmacMaterial_hasTheHashLength() throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    assertThat(KeyMaterials.generate(KeySpec.HMAC_256, random).size()).isEqualTo(32);
    assertThat(KeyMaterials.generate(KeySpec.HMAC_384, random).size()).isEqualTo(48);
    assertThat(KeyMaterials.generate(KeySpec.HMAC_512, random).size()).isEqualTo(64);
    assertThat(KeyMaterials.generate(KeySpec.HMAC_SM3, random).size()).isEqualTo(32);
  }

  @Test
  void macAlgorithm_belongsToExactlyOneSpec() {
    for (MacAlgorithm alg : MacAlgorithm.values()) {
      long specs = Arrays.stream(KeySpec.values()).filter(alg::supports).count();
      assertThat(specs).as(alg.name()).isEqualTo(1);
      assertThat(
              MacAlgorithm.of(
                  Arrays.stream(KeySpec.values()).filter(alg::supports).findFirst().get()))
          .isEqualTo(alg);
    }
  }

  @Test
  void toString_isRedacted() throws Exception {
    HmacCmk cmk = HmacCmk.create(KeySpec.HMAC_256, countingKey(KeySpec.HMAC_256));
    assertThat(cmk.toString()).contains("REDACTED").doesNotContain("0001");
  }
}
