package io.keyloom.kms.api;

import java.util.List;

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

  /** {@code verify}: {@code signature_valid} is the string "true" or "false". */
  public record Verify(String keyId, String signatureValid) {}

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

  /**
   * {@code list-keys}: one page of key ids and their details; {@code truncated} is the string
   * {@code "true"} or {@code "false"}, {@code total} a JSON number.
   */
  public record ListKeys(
      List<String> keys,
      List<KeyDetails> keyDetails,
      String nextMarker,
      String truncated,
      int total) {}

  /** {@code schedule-key-deletion} / {@code cancel-key-deletion}: flat, no {@code key_info}. */
  public record KeyDeletion(String keyId, String keyState) {}

  /** {@code update-key-alias}. */
  public record UpdateKeyAlias(KeyAliasInfo keyInfo) {}

  /** A key's id and alias. */
  public record KeyAliasInfo(String keyId, String keyAlias) {}

  /** {@code update-key-description}. */
  public record UpdateKeyDescription(KeyDescriptionInfo keyInfo) {}

  /** A key's id and description. */
  public record KeyDescriptionInfo(String keyId, String keyDescription) {}

  /** {@code user-instances}: the number of the project's non-default keys. */
  public record UserInstances(int instanceNum) {}

  /** {@code user-quotas}. */
  public record UserQuotas(Quotas quotas) {}

  /** The quota list. */
  public record Quotas(List<QuotaResource> resources) {}

  /** One quota: {@code CMK} or {@code grant_per_CMK}, with used and total as JSON numbers. */
  public record QuotaResource(String type, int used, int quota) {}
}
