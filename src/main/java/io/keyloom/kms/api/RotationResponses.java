package io.keyloom.kms.api;

/** Response bodies of automatic key rotation; the other rotation operations answer {@code {}}. */
public final class RotationResponses {
  private RotationResponses() {}

  /**
   * {@code get-key-rotation-status}: real JSON types except {@code last_rotation_time}, a string of
   * epoch milliseconds, empty while the key has never rotated.
   */
  public record RotationStatus(
      boolean keyRotationEnabled,
      int rotationInterval,
      String lastRotationTime,
      int numberOfRotations) {}
}
