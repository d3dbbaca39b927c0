package io.keyloom.kms.api;

/**
 * Response bodies of data keys, data key pairs and random bytes; null fields are omitted on the
 * wire.
 */
public final class DatakeyResponses {
  private DatakeyResponses() {}

  /** {@code create-datakey}: the data key and its ciphertext, both hex. */
  public record CreateDatakey(String keyId, String plainText, String cipherText) {
    @Override
    public String toString() {
      return "CreateDatakey[keyId=" + keyId + ", plainText=REDACTED]";
    }
  }

  /** {@code create-datakey-without-plaintext}: the ciphertext only, hex. */
  public record CreateDatakeyWithoutPlaintext(String keyId, String cipherText) {}

  /** {@code encrypt-datakey}: {@code datakey_length} is the DEK's byte count as a string. */
  public record EncryptDatakey(String keyId, String cipherText, String datakeyLength) {}

  /** {@code decrypt-datakey}: the data key and its digest, hex. */
  public record DecryptDatakey(String dataKey, String datakeyLength, String datakeyDgst) {
    @Override
    public String toString() {
      return "DecryptDatakey[datakeyLength=" + datakeyLength + ", dataKey=REDACTED]";
    }
  }

  /**
   * {@code create-rsa-datakey-pair} / {@code create-ec-datakey-pair}: Base64 SubjectPublicKeyInfo
   * DER, Base64 ciphertext envelope of the PKCS#8 DER private key, and (unless with_plain_text is
   * false) the Base64 PKCS#8 DER private key.
   */
  public record DatakeyPair(
      String keyId,
      String keySpec,
      String publicKey,
      String privateKeyCipherText,
      String privateKeyPlainText) {
    @Override
    public String toString() {
      return "DatakeyPair[keyId=" + keyId + ", keySpec=" + keySpec + ", privateKey=REDACTED]";
    }
  }

  /** {@code gen-random}: hex. */
  public record Random(String randomData) {
    @Override
    public String toString() {
      return "Random[REDACTED]";
    }
  }
}
