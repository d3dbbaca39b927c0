package io.keyloom.kms.api;

/** Response bodies of encrypt-data and decrypt-data; null fields are omitted on the wire. */
public final class DataResponses {
  private DataResponses() {}

  /** {@code encrypt-data}. */
  public record EncryptData(String keyId, String cipherText) {}

  /** {@code decrypt-data}. */
  public record DecryptData(String keyId, String plainText, String plainTextBase64) {
    @Override
    public String toString() {
      return "DecryptData[keyId=" + keyId + ", plainText=REDACTED]";
    }
  }
}
