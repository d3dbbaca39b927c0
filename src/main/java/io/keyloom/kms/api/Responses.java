package io.keyloom.kms.api;

/** Response bodies of the KMS operations; null fields are omitted on the wire. */
public final class Responses {
  private Responses() {}

  /** {@code create-key}. */
  public record CreateKey(KekInfo keyInfo) {}

  /** The created key's id and domain ({@code KeKInfo} in the SDK). */
  public record KekInfo(String keyId, String domainId) {}

  /** {@code describe-key}. */
  public record DescribeKey(KeyDetails keyInfo) {}

  /** {@code enable-key} / {@code disable-key}. */
  public record KeyState(KeyStatusInfo keyInfo) {}

  /** A key's id and state. */
  public record KeyStatusInfo(String keyId, String keyState) {}

  /** {@code encrypt-data}. */
  public record EncryptData(String keyId, String cipherText) {}

  /** {@code decrypt-data}. */
  public record DecryptData(String keyId, String plainText, String plainTextBase64) {
    @Override
    public String toString() {
      return "DecryptData[keyId=" + keyId + ", plainText=REDACTED]";
    }
  }

  /** {@code sign}. */
  public record Sign(String keyId, String signature) {}

  /** {@code get-publickey}. */
  public record PublicKey(String keyId, String publicKey) {}
}
