package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.SeedKey;
import io.keyloom.crypto.KeySpec;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import java.util.ArrayList;
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
    List<String> usages = new ArrayList<>(List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "SIGN"));
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
}
