package io.keyloom.crypto;

/**
 * What an import token carries (docs/key-import.md): the key it was issued for, the wrapping
 * algorithm, when it expires, and the wrapping private key. Only {@link ImportTokens} turns it into
 * bytes, sealed; {@link #toString} never shows the private key.
 *
 * @param keyId the key the token was issued for
 * @param algorithm the wrapping algorithm ({@link WrappingKey#canWrap})
 * @param expiresAtMillis when the token and its wrapping key stop working (epoch ms)
 * @param wrappingKey the wrapping private key, PKCS#8 DER
 */
public record ImportToken(
    String keyId, EncryptionAlgorithm algorithm, long expiresAtMillis, SecretBytes wrappingKey) {
  @Override
  public String toString() {
    return "ImportToken(" + keyId + ", " + algorithm + ", " + expiresAtMillis + ", REDACTED)";
  }
}
