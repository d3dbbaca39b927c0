package io.keyloom.kms.api;

import java.util.List;

/** Response bodies of key lifecycle and listing; null fields are omitted on the wire. */
public final class KeyResponses {
  private KeyResponses() {}

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
}
