package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The rotation fields of seed keys, {@code rotation} and {@code versions} (docs/seed-keys.md). */
class SeedKeyVersionsLoaderTest extends SeedKeyLoaderTest {
  static final String AES_A = Base64.getEncoder().encodeToString(filled(32, 1));
  static final String AES_B = Base64.getEncoder().encodeToString(filled(32, 2));
  static final String SM4_16 = Base64.getEncoder().encodeToString(filled(16, 3));

  static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  @Test
  void rotationAndVersions_areReadWithTheirDefaults() throws Exception {
    SeedKey plain = load(seed("id: " + ID, "alias: demo"));
    assertThat(plain.rotation()).isNull();
    assertThat(plain.versions()).isNull();
    SeedKey on = load(seed("id: " + ID, "alias: demo", "rotation: {}"));
    assertThat(on.rotation()).isEqualTo(new SeedRotation(true, 365));
    SeedKey off = load(seed("id: " + ID, "alias: demo", "rotation: {enabled: false}"));
    assertThat(off.rotation().enabled()).isFalse();
    SeedKey versioned =
        load(seed("id: " + ID, "alias: demo", "versions: [" + AES_A + ", " + AES_B + "]"));
    assertThat(versioned.versions()).hasSize(2);
    assertThat(versioned.toString()).doesNotContain(AES_A).doesNotContain(AES_B);
  }

  @Test
  void badRotationOrVersions_areRefusedAtTheirPosition_withoutEchoingMaterial() throws Exception {
    String at = "(domains[0].projects[0].keys[0].";
    assertThat(refusal(seed("id: " + ID, "alias: d", "rotation: {interval: 29}")))
        .contains(at + "rotation.interval): rotation interval must be a whole number of days");
    assertThat(refusal(seed("id: " + ID, "alias: d", "rotation: {interval: 366}")))
        .contains(at + "rotation.interval)");
    assertThat(refusal(seed("id: " + ID, "alias: d", "spec: RSA_2048", "rotation: {}")))
        .contains(at + "rotation): only symmetric keys (AES_256, SM4) rotate, not RSA_2048");
    assertThat(
            refusal(
                seed("id: " + ID, "alias: d", "material: " + AES_A, "versions: [" + AES_B + "]")))
        .contains(at + "versions): declare either material or versions")
        .doesNotContain(AES_A)
        .doesNotContain(AES_B);
    assertThat(refusal(seed("id: " + ID, "alias: d", "versions: []")))
        .contains(at + "versions): versions must list 1 to 100 materials");
    String sm4 =
        refusal(
            seed(
                "id: " + ID, "alias: d", "spec: SM4", "versions: [" + SM4_16 + ", " + AES_A + "]"));
    assertThat(sm4)
        .contains(at + "versions[1]): key material does not suit SM4")
        .doesNotContain(AES_A);
    assertThat(refusal(seed("id: " + ID, "alias: d", "versions: [\"not base64!\"]")))
        .contains("versions[0]")
        .doesNotContain("not base64!");
    assertThat(refusal(seed("id: " + ID, "alias: d", "rotation: {intervall: 30}")))
        .contains("unknown field 'intervall' in a key's rotation (known: enabled, interval)");
  }
}
