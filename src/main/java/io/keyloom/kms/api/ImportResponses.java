package io.keyloom.kms.api;

/** Response bodies of BYOK import; the other two import operations answer 200 with {}. */
public final class ImportResponses {
  private ImportResponses() {}

  /**
   * {@code get-parameters-for-import}: {@code expiration_time} is a JSON number of epoch seconds;
   * {@code public_key} is the Base64 SubjectPublicKeyInfo DER of the wrapping key.
   */
  public record ImportParameters(
      String keyId, String importToken, Long expirationTime, String publicKey) {}
}
