package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CancelKeyDeletionResponse;
import com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteKeyResponse;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.KeyDetails;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * schedule-key-deletion and cancel-key-deletion through the SDK: the §5 state machine and every
 * documented error. Destruction after the window is KeyDestructionIT's subject.
 */
class KeyDeletionIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  @Test
  void schedule_makesTheKeyPendingDeletionWithItsDate_andUnusable() {
    String keyId = LifecycleCalls.create(alice);
    long now = server.clock().millis();
    DeleteKeyResponse r = LifecycleCalls.schedule(alice, keyId, "7");
    assertThat(r.getKeyId()).isEqualTo(keyId);
    assertThat(r.getKeyState()).isEqualTo("4");
    KeyDetails d = LifecycleCalls.describe(alice, keyId);
    assertThat(d.getKeyState()).isEqualTo("4");
    assertThat(d.getScheduledDeletionDate())
        .isEqualTo(Long.toString(now + Duration.ofDays(7).toMillis()));
    assertKmsError(() -> Keys.encrypt(alice, keyId, null, "x"), 400, "KMS.0210");
    assertKmsError(() -> Keys.disable(alice, keyId), 400, "KMS.1301");
    assertKmsError(
        () ->
            alice.enableKey(
                new EnableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId))),
        400,
        "KMS.1201");
  }

  @Test
  void scheduleTwice_isKms1402() {
    String keyId = LifecycleCalls.create(alice);
    LifecycleCalls.schedule(alice, keyId, "30");
    assertKmsError(() -> LifecycleCalls.schedule(alice, keyId, "30"), 400, "KMS.1402");
  }

  @Test
  void disabledAndPendingImportKeys_canBeScheduled_andCancelReturnsToTheRightState() {
    String disabled = LifecycleCalls.create(alice);
    Keys.disable(alice, disabled);
    assertThat(LifecycleCalls.schedule(alice, disabled, "7").getKeyState()).isEqualTo("4");
    CancelKeyDeletionResponse back = LifecycleCalls.cancel(alice, disabled);
    assertThat(back.getKeyId()).isEqualTo(disabled);
    assertThat(back.getKeyState()).isEqualTo("3");

    String external =
        LifecycleCalls.create(
            alice, new CreateKeyRequestBody().withOrigin(CreateKeyRequestBody.OriginEnum.EXTERNAL));
    assertThat(LifecycleCalls.schedule(alice, external, "7").getKeyState()).isEqualTo("4");
    assertThat(LifecycleCalls.cancel(alice, external).getKeyState())
        .as("an external key without material goes back to pending import")
        .isEqualTo("5");
    assertThat(LifecycleCalls.describe(alice, external).getKeyState()).isEqualTo("5");
  }

  @Test
  void cancel_leavesTheKeyDisabledWithNoDate_andEnableMakesItUsableAgain() {
    String keyId = LifecycleCalls.create(alice);
    String ciphertext = Keys.encrypt(alice, keyId, null, "kept").getCipherText();
    LifecycleCalls.schedule(alice, keyId, "1096");
    assertThat(LifecycleCalls.cancel(alice, keyId).getKeyState()).isEqualTo("3");
    KeyDetails d = LifecycleCalls.describe(alice, keyId);
    assertThat(d.getKeyState()).isEqualTo("3");
    assertThat(d.getScheduledDeletionDate()).isEmpty();
    assertKmsError(() -> Keys.encrypt(alice, keyId, null, "x"), 400, "KMS.0209");
    alice.enableKey(new EnableKeyRequest().withBody(new OperateKeyRequestBody().withKeyId(keyId)));
    assertThat(Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", ciphertext).getPlainText())
        .isEqualTo("kept");
  }

  @Test
  void cancelOfAKeyNotPendingDeletion_isKms1501() {
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> LifecycleCalls.cancel(alice, keyId), 400, "KMS.1501");
    Keys.disable(alice, keyId);
    assertKmsError(() -> LifecycleCalls.cancel(alice, keyId), 400, "KMS.1501");
    LifecycleCalls.schedule(alice, keyId, "7");
    LifecycleCalls.cancel(alice, keyId);
    assertKmsError(() -> LifecycleCalls.cancel(alice, keyId), 400, "KMS.1501");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "1097", "0", "-7", "abc", "7.0", " 7", "99999"})
  void pendingDaysOutside7To1096_isKms1401(String days) {
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> LifecycleCalls.schedule(alice, keyId, days), 400, "KMS.1401", days);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyState()).isEqualTo("2");
  }

  @Test
  void missingParameters_areKms0204_andMalformedIdsKms0205() {
    String keyId = LifecycleCalls.create(alice);
    assertKmsError(() -> LifecycleCalls.schedule(alice, keyId, null), 400, "KMS.0204");
    assertKmsError(() -> LifecycleCalls.schedule(alice, keyId, ""), 400, "KMS.0204");
    assertKmsError(() -> LifecycleCalls.schedule(alice, null, "7"), 400, "KMS.0204");
    assertKmsError(() -> LifecycleCalls.schedule(alice, "not-a-key", "7"), 400, "KMS.0205");
    assertKmsError(() -> LifecycleCalls.cancel(alice, "not-a-key"), 400, "KMS.0205");
    assertThat(
            call(
                    "schedule-key-deletion",
                    "{\"key_id\":\"" + keyId + "\",\"pending_days\":\"7\",\"sequence\":\"x\"}")
                .errorCode())
        .isEqualTo("KMS.0206");
  }

  @Test
  void unknownKeysAndOtherProjectsKeys_are404() {
    String keyId = LifecycleCalls.create(alice);
    String unknown = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
    assertKmsError(() -> LifecycleCalls.schedule(alice, unknown, "7"), 404, "KMS.0207");
    assertKmsError(() -> LifecycleCalls.cancel(alice, unknown), 404, "KMS.0207");
    KmsClient bob = Sdk.bob(server);
    assertKmsError(() -> LifecycleCalls.schedule(bob, keyId, "7"), 404, "KMS.0207");
    LifecycleCalls.schedule(alice, keyId, "7");
    assertKmsError(() -> LifecycleCalls.cancel(bob, keyId), 404, "KMS.0207");
    assertKmsError(() -> LifecycleCalls.describe(bob, keyId), 404, "KMS.0207");
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyState()).isEqualTo("4");
  }

  @Test
  void pendingDaysAsAJsonNumber_isAccepted_butAnObjectIsKms0202() {
    String keyId = LifecycleCalls.create(alice);
    Http.Response r =
        call("schedule-key-deletion", "{\"key_id\":\"" + keyId + "\",\"pending_days\":7}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("key_id").asText()).isEqualTo(keyId);
    assertThat(r.json().path("key_state").asText()).isEqualTo("4");
    assertThat(r.json().has("key_info")).as("the response is flat").isFalse();
    assertThat(
            call("schedule-key-deletion", "{\"key_id\":\"" + keyId + "\",\"pending_days\":{}}")
                .errorCode())
        .isEqualTo("KMS.0202");
    Http.Response cancel = call("cancel-key-deletion", "{\"key_id\":\"" + keyId + "\"}");
    assertThat(cancel.json().path("key_state").asText()).isEqualTo("3");
    assertThat(cancel.json().has("key_info")).isFalse();
  }
}
