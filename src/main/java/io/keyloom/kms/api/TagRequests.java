package io.keyloom.kms.api;

import java.util.List;

/**
 * Request bodies and parameters of the tag operations, field for field as the Huawei SDK 3.1.143
 * models name them (huawei-kms-api.md §3.26, docs/tags.md). Path parameters ({@code key_id}, the
 * tag {@code key}) are bound into the same records.
 */
public final class TagRequests {
  private TagRequests() {}

  /** {@code TagItem}: one tag; {@code value} may be absent or empty. */
  public record TagItem(String key, String value) {}

  /** {@code Tag}: a tag key with the values it may have (a filter of ListKmsByTags). */
  public record Tag(String key, List<String> values) {}

  /** ShowKmsTags: {@code GET .../kms/{key_id}/tags}. */
  public record ShowKmsTags(String keyId) {}

  /** CreateKmsTag: {@code POST .../kms/{key_id}/tags}. */
  public record CreateKmsTag(String keyId, TagItem tag, String sequence) {}

  /** DeleteTag: {@code DELETE .../kms/{key_id}/tags/{key}}. */
  public record DeleteTag(String keyId, String key) {}

  /** BatchCreateKmsTags: {@code POST .../kms/{key_id}/tags/action}, action create or delete. */
  public record BatchCreateKmsTags(
      String keyId, List<TagItem> tags, String action, String sequence) {}

  /**
   * ListKmsByTags: {@code POST .../kms/resource_instances/action}. {@code limit} and {@code offset}
   * are strings, as in the SDK.
   */
  public record ListKmsByTags(
      String limit,
      String offset,
      String action,
      List<Tag> tags,
      List<TagItem> matches,
      String sequence) {}
}
