package io.keyloom.kms.api;

/**
 * Request bodies of encrypt-data and decrypt-data, field for field as the Huawei SDK 3.1.143 models
 * name them (snake_case on the wire). Every field is a nullable String unless the wire type
 * differs; the services validate them, so that every bad value maps to its documented error code.
 */
public final class DataRequests {
  private DataRequests() {}

  /** {@code encrypt-data}; {@code encryption_context} is any JSON value, checked by the service. */
  public record EncryptData(
      String keyId,
      String plainText,
      String encryptionAlgorithm,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {
    @Override
    public String toString() {
      return "EncryptData[keyId=" + keyId + ", plainText=REDACTED]";
    }
  }

  /** {@code decrypt-data}. */
  public record DecryptData(
      String cipherText,
      String encryptionAlgorithm,
      String keyId,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {}
}
