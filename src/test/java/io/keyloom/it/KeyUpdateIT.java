package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasRequest;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyAliasResponse;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionRequest;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionRequestBody;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyDescriptionResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** update-key-alias and update-key-description through the SDK, with every documented error. */
class KeyUpdateIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  static UpdateKeyAliasResponse rename(KmsClient client, String keyId, String alias) {
    return client.updateKeyAlias(
        new UpdateKeyAliasRequest()
            .withBody(new UpdateKeyAliasRequestBody().withKeyId(keyId).withKeyAlias(alias)));
  }

  static UpdateKeyDescriptionResponse redescribe(KmsClient client, String keyId, String text) {
    return client.updateKeyDescription(
        new UpdateKeyDescriptionRequest()
            .withBody(
                new UpdateKeyDescriptionRequestBody().withKeyId(keyId).withKeyDescription(text)));
  }

  @Test
  void rename_changesTheAliasAndFreesTheOldOne() {
    String old = LifecycleCalls.alias("old");
    String keyId = LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyAlias(old));
    String renamed = LifecycleCalls.alias("new");
    UpdateKeyAliasResponse r = rename(alice, keyId, renamed);
    assertThat(r.getKeyInfo().getKeyId()).isEqualTo(keyId);
    assertThat(r.getKeyInfo().getKeyAlias()).isEqualTo(renamed);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyAlias()).isEqualTo(renamed);
    assertThat(LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyAlias(old)))
        .isNotEqualTo(keyId);
    assertThat(rename(alice, keyId, renamed).getKeyInfo().getKeyAlias())
        .as("renaming to its own alias is a no-op")
        .isEqualTo(renamed);
  }

  @Test
  void aliasOfAnotherKeyInTheProject_isKms1104_butFreeInAnotherProject() {
    String taken = LifecycleCalls.alias("taken");
    LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyAlias(taken));
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> rename(alice, keyId, taken), 400, "KMS.1104");
    KmsClient south = Sdk.client(server, TestServer.AK, TestServer.SK, TestServer.PROJECT_2_ID);
    String southKey = LifecycleCalls.create(south);
    assertThat(rename(south, southKey, taken).getKeyInfo().getKeyAlias()).isEqualTo(taken);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad alias", "semi;colon", "ünï", "svc/default", "x/default"})
  void invalidAlias_isKms1101(String alias) {
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> rename(alice, keyId, alias), 400, "KMS.1101", alias);
  }

  @Test
  void aliasLength_is1To255() {
    String keyId = LifecycleCalls.create(alice);
    String exactly255 = "a:/_-".repeat(51);
    assertThat(rename(alice, keyId, exactly255).getKeyInfo().getKeyAlias()).hasSize(255);
    assertKmsError(() -> rename(alice, keyId, exactly255 + "c"), 400, "KMS.1101");
    assertKmsError(() -> rename(alice, keyId, ""), 400, "KMS.0204");
    assertKmsError(() -> rename(alice, keyId, null), 400, "KMS.0204");
  }

  @Test
  void redescribe_setsAndClearsTheDescription() {
    String keyId =
        LifecycleCalls.create(alice, new CreateKeyRequestBody().withKeyDescription("first"));
    UpdateKeyDescriptionResponse r = redescribe(alice, keyId, "d\u00e9j\u00e0 vu");
    assertThat(r.getKeyInfo().getKeyId()).isEqualTo(keyId);
    assertThat(r.getKeyInfo().getKeyDescription()).isEqualTo("déjà vu");
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyDescription()).isEqualTo("déjà vu");
    assertThat(redescribe(alice, keyId, "").getKeyInfo().getKeyDescription()).isEmpty();
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyDescription()).isEmpty();
    assertThat(redescribe(alice, keyId, "x".repeat(255)).getKeyInfo().getKeyDescription())
        .hasSize(255);
  }

  @Test
  void descriptionOver255_isKms1103_andMissingIsKms0204() {
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> redescribe(alice, keyId, "x".repeat(256)), 400, "KMS.1103");
    assertKmsError(() -> redescribe(alice, keyId, null), 400, "KMS.0204");
  }

  @Test
  void keysPendingDeletion_cannotBeEdited_kms0210() {
    String keyId = LifecycleCalls.create(alice);
    LifecycleCalls.schedule(alice, keyId, "7");
    assertKmsError(() -> rename(alice, keyId, LifecycleCalls.alias("late")), 400, "KMS.0210");
    assertKmsError(() -> redescribe(alice, keyId, "late"), 400, "KMS.0210");
    LifecycleCalls.cancel(alice, keyId);
    assertThat(redescribe(alice, keyId, "back").getKeyInfo().getKeyDescription()).isEqualTo("back");
  }

  @Test
  void disabledAndPendingImportKeys_canBeEdited() {
    String disabled = LifecycleCalls.create(alice);
    Keys.disable(alice, disabled);
    assertThat(redescribe(alice, disabled, "off").getKeyInfo().getKeyDescription())
        .isEqualTo("off");
    String external =
        LifecycleCalls.create(
            alice, new CreateKeyRequestBody().withOrigin(CreateKeyRequestBody.OriginEnum.EXTERNAL));
    String alias = LifecycleCalls.alias("byok");
    assertThat(rename(alice, external, alias).getKeyInfo().getKeyAlias()).isEqualTo(alias);
  }

  @Test
  void unknownMalformedAndForeignKeys_areRefused() {
    String keyId = LifecycleCalls.create(alice);
    String unknown = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
    assertKmsError(() -> rename(alice, unknown, "a"), 404, "KMS.0207");
    assertKmsError(() -> redescribe(alice, unknown, "a"), 404, "KMS.0207");
    assertKmsError(() -> rename(alice, "nope", "a"), 400, "KMS.0205");
    assertKmsError(() -> redescribe(alice, "nope", "a"), 400, "KMS.0205");
    KmsClient bob = Sdk.bob(server);
    assertKmsError(() -> rename(bob, keyId, "stolen"), 404, "KMS.0207");
    assertKmsError(() -> redescribe(bob, keyId, "stolen"), 404, "KMS.0207");
    assertThat(
            call(
                    "update-key-alias",
                    "{\"key_id\":\"" + keyId + "\",\"key_alias\":\"s\",\"sequence\":\"bad\"}")
                .errorCode())
        .isEqualTo("KMS.0206");
  }

  @Test
  void wrongJsonTypes_areKms0202() {
    String keyId = LifecycleCalls.create(alice);
    assertThat(
            call("update-key-alias", "{\"key_id\":\"" + keyId + "\",\"key_alias\":[\"a\"]}")
                .errorCode())
        .isEqualTo("KMS.0202");
    assertThat(
            call("update-key-description", "{\"key_id\":\"" + keyId + "\",\"key_description\":{}}")
                .errorCode())
        .isEqualTo("KMS.0202");
    Http.Response ok =
        call("update-key-description", "{\"key_id\":\"" + keyId + "\",\"key_description\":\"\"}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("key_info").path("key_description").isTextual()).isTrue();
  }
}
