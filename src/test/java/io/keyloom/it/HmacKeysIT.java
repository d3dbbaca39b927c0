package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * create-key, describe-key and list-keys with HMAC key specs (docs/hmac-keys.md): the default
 * usage, the refused combinations, and list-keys' spec filter.
 */
class HmacKeysIT extends ServerIT {
  static final List<String> SPECS = List.of("HMAC_256", "HMAC_384", "HMAC_512", "HMAC_SM3");
  static KmsClient alice;

  @BeforeAll
  static void client() {
    alice = Sdk.alice(server);
  }

  static CreateKeyRequestBody createBody(String spec, String usage) {
    CreateKeyRequestBody body =
        new CreateKeyRequestBody()
            .withKeyAlias(LifecycleCalls.alias("hmac"))
            .withKeySpec(CreateKeyRequestBody.KeySpecEnum.fromValue(spec));
    return usage == null
        ? body
        : body.withKeyUsage(CreateKeyRequestBody.KeyUsageEnum.fromValue(usage));
  }

  @Test
  void createKey_withHmacSpec_defaultsToGenerateVerifyMac_andDescribesAsHmac() {
    for (String spec : SPECS) {
      KeyDetails k = LifecycleCalls.describe(alice, Keys.create(alice, spec, null));
      assertThat(k.getKeySpec().getValue()).isEqualTo(spec);
      assertThat(k.getKeyUsage().getValue()).isEqualTo("GENERATE_VERIFY_MAC");
      assertThat(k.getKeyType()).isEqualTo("3");
      assertThat(k.getKeyState()).isEqualTo("2");
      assertThat(k.getOrigin().getValue()).isEqualTo("kms");
    }
  }

  @Test
  void createKey_withHmacSpecAndAnotherUsage_isKms0341() {
    for (String usage : new String[] {"ENCRYPT_DECRYPT", "SIGN_VERIFY"}) {
      assertKmsError(
          () -> LifecycleCalls.create(alice, createBody("HMAC_512", usage)),
          400,
          "KMS.0341",
          usage);
    }
  }

  @Test
  void createKey_withGenerateVerifyMacAndAnotherSpec_isKms0308() {
    for (String spec : new String[] {"AES_256", "SM4", "RSA_2048", "EC_P256", "SM2"}) {
      assertKmsError(
          () -> LifecycleCalls.create(alice, createBody(spec, "GENERATE_VERIFY_MAC")),
          400,
          "KMS.0308",
          spec);
    }
  }

  @Test
  void createKey_withHmacSpecAndOriginExternal_isKms0341() {
    Http.Response r =
        call(
            "create-key",
            "{\"key_alias\":\"hmac-import\",\"key_spec\":\"HMAC_256\",\"origin\":\"external\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("KMS.0341");
  }

  @Test
  void listKeys_findsHmacKeysByTheirSpecOrAll_butNotByDefault() {
    List<String> made = new ArrayList<>();
    for (String spec : SPECS) {
      made.add(Keys.create(alice, spec, null));
    }
    List<String> byDefault = LifecycleCalls.list(alice, new ListKeysRequestBody()).getKeys();
    assertThat(byDefault).doesNotContainAnyElementsOf(made);
    for (int i = 0; i < SPECS.size(); i++) {
      JsonNode page =
          call("list-keys", "{\"key_spec\":\"" + SPECS.get(i) + "\",\"limit\":\"1000\"}").json();
      List<String> ids = new ArrayList<>();
      List<String> specs = new ArrayList<>();
      page.path("key_details").forEach(d -> ids.add(d.path("key_id").asText()));
      page.path("key_details").forEach(d -> specs.add(d.path("key_spec").asText()));
      assertThat(ids).contains(made.get(i));
      assertThat(specs).containsOnly(SPECS.get(i));
    }
    JsonNode all = call("list-keys", "{\"key_spec\":\"ALL\",\"limit\":\"1000\"}").json();
    assertThat(all.path("keys").toString()).contains(made.get(0), made.get(3));
  }
}
