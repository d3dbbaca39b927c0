package io.keyloom.kms.api;

/**
 * Request bodies of BYOK import, field for field as the Huawei SDK 3.1.143 models name them
 * (snake_case on the wire). delete-imported-key-material takes {@link KeyRequests.KeyId}.
 */
public final class ImportRequests {
  private ImportRequests() {}

  /** {@code get-parameters-for-import}. */
  public record GetParametersForImport(String keyId, String wrappingAlgorithm, String sequence) {}

  /**
   * {@code import-key-material}; {@code expiration_time} is a JSON number of epoch seconds.
   * toString omits the wrapped material and the token.
   */
  public record ImportKeyMaterial(
      String keyId,
      String importToken,
      String encryptedKeyMaterial,
      String encryptedPrivatekey,
      Long expirationTime,
      String sequence) {
    @Override
    public String toString() {
      return "ImportKeyMaterial(" + keyId + ", REDACTED)";
    }
  }
}
