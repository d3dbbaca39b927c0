package io.keyloom.kms.api;

/**
 * Request bodies of sign and verify, field for field as the Huawei SDK 3.1.143 models name them
 * (snake_case on the wire). Every field is a nullable String unless the wire type differs; the
 * services validate them, so that every bad value maps to its documented error code.
 */
public final class SignRequests {
  private SignRequests() {}

  /** {@code sign}. */
  public record Sign(
      String keyId, String message, String signingAlgorithm, String messageType, String sequence) {}

  /** {@code verify}: the sign fields plus the Base64 signature. */
  public record Verify(
      String keyId,
      String message,
      String signature,
      String signingAlgorithm,
      String messageType,
      String sequence) {}
}
