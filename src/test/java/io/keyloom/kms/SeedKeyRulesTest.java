package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.SeedKey;
import io.keyloom.config.SeedMaterial;
import io.keyloom.crypto.KeySpec;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A seed file checks create-key's rules when it is read, before the kms layer sees it; these pin
 * the seed's copy of the rules to create-key's own ({@link NewKey}).
 */
class SeedKeyRulesTest {
  static final String ID = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";

  static boolean createKeyAccepts(String alias, String spec, String usage, String description) {
    try {
      NewKey.validate(
          new KeyRequests.CreateKey(alias, spec, usage, description, null, null, null, null));
      return true;
    } catch (KmsException e) {
      return false;
    }
  }

  static boolean seedAccepts(String alias, String spec, String usage, String description) {
    try {
      new SeedKey(ID, alias, spec, usage, description, null, null, null, null);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void seedKeys_acceptExactlyWhatCreateKeyAccepts() {
    List<String> aliases =
        List.of("a", "a:b/c_d-e", "x".repeat(255), "x".repeat(256), "a/default", "a b", "ä", "a.b");
    List<String> specs = new ArrayList<>();
    for (KeySpec s : KeySpec.values()) {
      specs.add(s.name());
    }
    specs.add("AES_128");
    List<String> usages =
        new ArrayList<>(List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "SIGN"));
    usages.add(null);
    List<String> differ = new ArrayList<>();
    for (String alias : aliases) {
      check(differ, alias, "AES_256", null, "");
    }
    for (String spec : specs) {
      for (String usage : usages) {
        check(differ, "alias", spec, usage, "");
      }
    }
    for (String description : List.of("", "d".repeat(255), "d".repeat(256))) {
      check(differ, "alias", "AES_256", null, description);
    }
    assertThat(differ).isEmpty();
  }

  private static void check(
      List<String> differ, String alias, String spec, String usage, String description) {
    boolean create = createKeyAccepts(alias, spec, usage, description);
    if (create != seedAccepts(alias, spec, usage, description)) {
      differ.add(alias + " " + spec + " " + usage + " " + description.length() + ": " + create);
    }
  }

  @Test
  void seedDefaultUsage_isCreateKeysDefault_forEverySpec() {
    for (KeySpec s : KeySpec.values()) {
      SeedKey key = new SeedKey(ID, "alias", s.name(), null, null, null, null, null, null);
      assertThat(key.usage()).as(s.name()).isEqualTo(NewKey.defaultUsage(s).name());
    }
  }

  @Test
  void seedHmacMaterial_mustBeBase64OfTheHashLength() {
    assertThat(hmacSeedAccepts("HMAC_256", 32)).isTrue();
    assertThat(hmacSeedAccepts("HMAC_384", 48)).isTrue();
    assertThat(hmacSeedAccepts("HMAC_512", 64)).isTrue();
    assertThat(hmacSeedAccepts("HMAC_SM3", 32)).isTrue();
    assertThat(hmacSeedAccepts("HMAC_256", 31)).isFalse();
    assertThat(hmacSeedAccepts("HMAC_384", 32)).isFalse();
    assertThat(hmacSeedAccepts("HMAC_512", 65)).isFalse();
    assertThat(hmacSeedAccepts("HMAC_SM3", 16)).isFalse();
    SeedMaterial pem =
        SeedMaterial.of("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    try {
      new SeedKey(ID, "alias", "HMAC_256", null, null, null, pem, null, null);
      throw new AssertionError("a PEM block was accepted as HMAC material");
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("Base64");
    }
  }

  private static boolean hmacSeedAccepts(String spec, int bytes) {
    SeedMaterial material = SeedMaterial.of(Base64.getEncoder().encodeToString(new byte[bytes]));
    return seedAccepts(spec, material);
  }

  private static boolean seedAccepts(String spec, SeedMaterial material) {
    try {
      new SeedKey(ID, "alias", spec, null, null, null, material, null, null);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
