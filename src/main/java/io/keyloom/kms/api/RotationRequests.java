package io.keyloom.kms.api;

import java.math.BigInteger;

/**
 * Request bodies of automatic key rotation, field for field as the Huawei SDK 3.1.143 models name
 * them. enable-key-rotation, disable-key-rotation and get-key-rotation-status take {@link
 * KeyRequests.KeyId} ({@code OperateKeyRequestBody} in the SDK).
 */
public final class RotationRequests {
  private RotationRequests() {}

  /**
   * {@code update-key-rotation-interval}. {@code rotation_interval} is a real JSON integer (the SDK
   * sends an {@code Integer}); any integer is read, however large, so that every out-of-range value
   * gets {@code KMS.3001}, while a string, fraction or boolean is the wrong JSON type ({@code
   * KMS.0202}, docs/json-codec.md).
   */
  public record UpdateKeyRotationInterval(
      String keyId, BigInteger rotationInterval, String sequence) {}
}
