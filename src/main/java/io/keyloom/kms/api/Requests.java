package io.keyloom.kms.api;

/**
 * Request bodies of the KMS operations, field for field as the Huawei SDK 3.1.143 models name them
 * (snake_case on the wire). Every field is a nullable String unless the wire type differs; the
 * services validate them, so that every bad value maps to its documented error code.
 */
public final class Requests {
  private Requests() {}

  /** {@code create-key}. */
  public record CreateKey(
      String keyAlias,
      String keySpec,
      String keyUsage,
      String keyDescription,
      String origin,
      String enterpriseProjectId,
      String keystoreId,
      String sequence) {}

  /** Operations on one key: describe, enable, disable, get-publickey. */
  public record KeyId(String keyId, String sequence) {}

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

  /**
   * {@code create-datakey} and {@code create-datakey-without-plaintext}; {@code encryption_context}
   * (older docs) is accepted next to the SDK's {@code additional_authenticated_data}.
   */
  public record CreateDatakey(
      String keyId,
      String keySpec,
      String datakeyLength,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {}

  /** {@code encrypt-datakey}: plain_text is the hex of DEK ‖ digest. */
  public record EncryptDatakey(
      String keyId,
      String plainText,
      String datakeyPlainLength,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {
    @Override
    public String toString() {
      return "EncryptDatakey[keyId=" + keyId + ", plainText=REDACTED]";
    }
  }

  /** {@code decrypt-datakey}. */
  public record DecryptDatakey(
      String keyId,
      String cipherText,
      String datakeyCipherLength,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {}

  /** {@code create-rsa-datakey-pair} and {@code create-ec-datakey-pair}. */
  public record CreateDatakeyPair(
      String keyId,
      String keySpec,
      Boolean withPlainText,
      Object encryptionContext,
      String additionalAuthenticatedData,
      String sequence) {}

  /** {@code gen-random}. */
  public record GenRandom(String randomDataLength, String sequence) {}

  /** {@code list-keys}: every field optional; numbers arrive as strings. */
  public record ListKeys(
      String limit,
      String marker,
      String keyState,
      String keySpec,
      String enterpriseProjectId,
      String sequence) {}

  /** {@code schedule-key-deletion}. */
  public record ScheduleKeyDeletion(String keyId, String pendingDays, String sequence) {}

  /** {@code update-key-alias}. */
  public record UpdateKeyAlias(String keyId, String keyAlias, String sequence) {}

  /** {@code update-key-description}. */
  public record UpdateKeyDescription(String keyId, String keyDescription, String sequence) {}
}
