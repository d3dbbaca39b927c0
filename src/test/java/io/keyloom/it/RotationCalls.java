package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DisableKeyRotationRequest;
import com.huaweicloud.sdk.kms.v2.model.EnableKeyRotationRequest;
import com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ShowKeyRotationStatusRequest;
import com.huaweicloud.sdk.kms.v2.model.ShowKeyRotationStatusResponse;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyRotationIntervalRequest;
import com.huaweicloud.sdk.kms.v2.model.UpdateKeyRotationIntervalRequestBody;
import io.keyloom.crypto.CiphertextBlob;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Rotation calls through the official SDK, and the key version a ciphertext names. */
final class RotationCalls {
  private RotationCalls() {}

  static OperateKeyRequestBody key(String keyId) {
    return new OperateKeyRequestBody().withKeyId(keyId);
  }

  static void enable(KmsClient client, String keyId) {
    client.enableKeyRotation(new EnableKeyRotationRequest().withBody(key(keyId)));
  }

  static void disable(KmsClient client, String keyId) {
    client.disableKeyRotation(new DisableKeyRotationRequest().withBody(key(keyId)));
  }

  static ShowKeyRotationStatusResponse status(KmsClient client, String keyId) {
    return client.showKeyRotationStatus(new ShowKeyRotationStatusRequest().withBody(key(keyId)));
  }

  static void interval(KmsClient client, String keyId, int days) {
    client.updateKeyRotationInterval(
        new UpdateKeyRotationIntervalRequest()
            .withBody(
                new UpdateKeyRotationIntervalRequestBody()
                    .withKeyId(keyId)
                    .withRotationInterval(days)));
  }

  /** How many times the key has rotated, by get-key-rotation-status. */
  static int rotations(KmsClient client, String keyId) {
    return status(client, keyId).getNumberOfRotations();
  }

  /** The key version named by a Base64 encrypt-data ciphertext. */
  static int versionOfBase64(String cipherText) {
    return version(Base64.getDecoder().decode(cipherText));
  }

  /** The key version named by a hex data-key ciphertext. */
  static int versionOfHex(String cipherText) {
    return version(HexFormat.of().parseHex(cipherText));
  }

  private static int version(byte[] blob) {
    try {
      return CiphertextBlob.parse(blob).keyVersion();
    } catch (GeneralSecurityException e) {
      throw new AssertionError("not a Keyloom ciphertext", e);
    }
  }

  /** Moves the emulator's clock, which runs every key sweep (docs/emulator.md). */
  static void advance(Http http, String amount) {
    Http.Response r = http.post("/keyloom/v1/clock", "{\"advance\":\"" + amount + "\"}", Map.of());
    assertThat(r.status()).as(r.text()).isEqualTo(200);
  }
}
