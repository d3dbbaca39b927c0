package io.keyloom.kms.api;

/**
 * Request bodies of key lifecycle and listing, field for field as the Huawei SDK 3.1.143 models
 * name them (snake_case on the wire). Every field is a nullable String unless the wire type
 * differs; the services validate them, so that every bad value maps to its documented error code.
 */
public final class KeyRequests {
  private KeyRequests() {}

  /** {@code create-key}. */
  public record CreateKey(
      String keyAlias,
      String keySpec,
      String keyUsage,
      String keyDescription,
      String origin,
      String enterpriseProjectId,
      String keystoreId,
      String sequence) {}

  /** Operations on one key: describe, enable, disable, get-publickey. */
  public record KeyId(String keyId, String sequence) {}

  /** {@code list-keys}: every field optional; numbers arrive as strings. */
  public record ListKeys(
      String limit,
      String marker,
      String keyState,
      String keySpec,
      String enterpriseProjectId,
      String sequence) {}

  /** {@code schedule-key-deletion}. */
  public record ScheduleKeyDeletion(String keyId, String pendingDays, String sequence) {}

  /** {@code update-key-alias}. */
  public record UpdateKeyAlias(String keyId, String keyAlias, String sequence) {}

  /** {@code update-key-description}. */
  public record UpdateKeyDescription(String keyId, String keyDescription, String sequence) {}
}
