package io.keyloom.kms.api;

/** Response bodies of sign, verify and get-publickey; null fields are omitted on the wire. */
public final class SignResponses {
  private SignResponses() {}

  /** {@code sign}. */
  public record Sign(String keyId, String signature) {}

  /** {@code verify}: {@code signature_valid} is the string "true" or "false". */
  public record Verify(String keyId, String signatureValid) {}

  /** {@code get-publickey}. */
  public record PublicKey(String keyId, String publicKey) {}
}
