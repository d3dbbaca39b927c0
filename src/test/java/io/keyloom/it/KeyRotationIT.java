package io.keyloom.it;

import static io.keyloom.it.RotationCalls.advance;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateDatakeyResponse;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKeysRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ShowKeyRotationStatusResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Automatic rotation through the official SDK: the emulator's clock makes a year pass, the sweep it
 * runs rotates due keys, new ciphertexts name the new version and old ones still decrypt
 * (docs/key-rotation.md).
 */
class KeyRotationIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  @AfterEach
  void resetTheEmulator() {
    assertThat(http.post("/keyloom/v1/reset", null, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void enabledRotation_afterAYear_addsVersion2_andOldCiphertextsStillDecrypt() {
    String keyId = LifecycleCalls.create(alice);
    String oldCipher = Keys.encrypt(alice, keyId, null, "before rotation").getCipherText();
    CreateDatakeyResponse oldDek = DataKeys.create(alice, DataKeys.body(keyId, null, "256", null));
    RotationCalls.enable(alice, keyId);
    ShowKeyRotationStatusResponse before = RotationCalls.status(alice, keyId);
    assertThat(before.getKeyRotationEnabled()).isTrue();
    assertThat(before.getRotationInterval()).isEqualTo(365);
    assertThat(before.getNumberOfRotations()).isZero();
    assertThat(before.getLastRotationTime()).isEmpty();

    advance(http, "366d");

    ShowKeyRotationStatusResponse after = RotationCalls.status(alice, keyId);
    assertThat(after.getNumberOfRotations()).isEqualTo(1);
    assertThat(Long.parseLong(after.getLastRotationTime()))
        .isBetween(server.clock().millis(), server.clock().millis() + 366L * 86_400_000);
    String newCipher = Keys.encrypt(alice, keyId, null, "after rotation").getCipherText();
    assertThat(RotationCalls.versionOfBase64(oldCipher)).isEqualTo(1);
    assertThat(RotationCalls.versionOfBase64(newCipher)).isEqualTo(2);
    assertThat(Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", oldCipher).getPlainText())
        .isEqualTo("before rotation");
    assertThat(Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", newCipher).getPlainText())
        .isEqualTo("after rotation");
    assertDataKeysUseVersion2_andOldDataKeysDecrypt(keyId, oldDek);
  }

  private static void assertDataKeysUseVersion2_andOldDataKeysDecrypt(
      String keyId, CreateDatakeyResponse oldDek) {
    assertThat(RotationCalls.versionOfHex(oldDek.getCipherText())).isEqualTo(1);
    assertThat(DataKeys.decrypt(alice, keyId, oldDek.getCipherText(), "32", null).getDataKey())
        .isEqualTo(oldDek.getPlainText());
    CreateDatakeyResponse newDek = DataKeys.create(alice, DataKeys.body(keyId, null, "256", null));
    assertThat(RotationCalls.versionOfHex(newDek.getCipherText())).isEqualTo(2);
    byte[] dek = DataKeys.unhex(newDek.getPlainText());
    String plain = DataKeys.hex(DataKeys.concat(dek, DataKeys.sha256(dek)));
    String wrapped = DataKeys.encrypt(alice, keyId, plain, "32", null).getCipherText();
    assertThat(RotationCalls.versionOfHex(wrapped)).isEqualTo(2);
    assertThat(DataKeys.decrypt(alice, keyId, wrapped, "32", null).getDataKey())
        .isEqualTo(newDek.getPlainText());
  }

  @Test
  void overdueRotation_catchesUpOnce_notOncePerMissedInterval() {
    String keyId = LifecycleCalls.create(alice);
    RotationCalls.enable(alice, keyId);
    RotationCalls.interval(alice, keyId, 30);
    advance(http, "100d");
    assertThat(RotationCalls.rotations(alice, keyId)).isEqualTo(1);
    advance(http, "29d");
    assertThat(RotationCalls.rotations(alice, keyId)).as("next due 30 days later").isEqualTo(1);
    advance(http, "1d");
    assertThat(RotationCalls.rotations(alice, keyId)).isEqualTo(2);
  }

  @Test
  void rotationOffForAYear_thenEnabled_rotatesAtOnce() {
    String keyId = LifecycleCalls.create(alice);
    advance(http, "366d");
    assertThat(RotationCalls.rotations(alice, keyId)).as("rotation is off").isZero();
    RotationCalls.enable(alice, keyId);
    assertThat(RotationCalls.rotations(alice, keyId)).as("in the enable call").isEqualTo(1);
    assertThat(RotationCalls.versionOfBase64(Keys.encrypt(alice, keyId, null, "x").getCipherText()))
        .isEqualTo(2);
  }

  @Test
  void aDisabledKey_isNotRotated_andCatchesUpOnceEnabledAgain() {
    String keyId = LifecycleCalls.create(alice);
    RotationCalls.enable(alice, keyId);
    Keys.disable(alice, keyId);
    advance(http, "400d");
    assertThat(RotationCalls.rotations(alice, keyId)).isZero();
    alice.enableKey(new EnableKeyRequest().withBody(RotationCalls.key(keyId)));
    advance(http, "1s"); // the next sweep, as the periodic one within a minute
    assertThat(RotationCalls.rotations(alice, keyId)).isEqualTo(1);
  }

  @Test
  void rotationEnabledOnADisabledOverdueKey_waitsUntilTheKeyIsEnabled() {
    String keyId = LifecycleCalls.create(alice);
    Keys.disable(alice, keyId);
    advance(http, "366d");
    RotationCalls.enable(alice, keyId);
    assertThat(RotationCalls.rotations(alice, keyId)).as("a disabled key does not rotate").isZero();
    alice.enableKey(new EnableKeyRequest().withBody(RotationCalls.key(keyId)));
    advance(http, "1s");
    assertThat(RotationCalls.rotations(alice, keyId)).isEqualTo(1);
  }

  @Test
  void shorterInterval_recomputesTheDueTimeFromTheLastRotation_andRotatesIfPassed() {
    String keyId = LifecycleCalls.create(alice);
    RotationCalls.enable(alice, keyId);
    advance(http, "40d");
    assertThat(RotationCalls.rotations(alice, keyId)).isZero();
    RotationCalls.interval(alice, keyId, 60);
    assertThat(RotationCalls.rotations(alice, keyId)).as("due in 20 days").isZero();
    RotationCalls.interval(alice, keyId, 30);
    assertThat(RotationCalls.rotations(alice, keyId)).as("creation + 30d has passed").isEqualTo(1);
    assertThat(RotationCalls.status(alice, keyId).getRotationInterval()).isEqualTo(30);
  }

  @Test
  void disabledRotation_stopsRotating_keepsTheCount_andDescribeAndListShowTheFlag() {
    String keyId = LifecycleCalls.create(alice);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyRotationEnabled()).isEqualTo("false");
    RotationCalls.enable(alice, keyId);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyRotationEnabled()).isEqualTo("true");
    assertThat(
            LifecycleCalls.list(alice, new ListKeysRequestBody()).getKeyDetails().stream()
                .filter(k -> k.getKeyId().equals(keyId))
                .findFirst()
                .orElseThrow()
                .getKeyRotationEnabled())
        .isEqualTo("true");
    advance(http, "366d");
    RotationCalls.disable(alice, keyId);
    advance(http, "400d");
    ShowKeyRotationStatusResponse status = RotationCalls.status(alice, keyId);
    assertThat(status.getKeyRotationEnabled()).isFalse();
    assertThat(status.getNumberOfRotations()).isEqualTo(1);
    assertThat(LifecycleCalls.describe(alice, keyId).getKeyRotationEnabled()).isEqualTo("false");
  }
}
