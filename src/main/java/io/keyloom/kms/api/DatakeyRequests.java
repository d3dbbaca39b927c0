package io.keyloom.kms.api;

/**
 * Request bodies of data keys, data key pairs and random bytes, field for field as the Huawei SDK
 * 3.1.143 models name them (snake_case on the wire). Every field is a nullable String unless the
 * wire type differs; the services validate them, so that every bad value maps to its documented
 * error code.
 */
public final class DatakeyRequests {
  private DatakeyRequests() {}

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
}
