package io.keyloom.kms.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response bodies of the tag operations that answer 200; the others answer 204 without a body
 * (docs/tags.md).
 */
public final class TagResponses {
  private TagResponses() {}

  /** ListKmsTags: every tag key of the project with its values. */
  public record ProjectTags(List<TagRequests.Tag> tags) {}

  /** ShowKmsTags: the key's tags and their number, under Huawei's camelCase name. */
  public record KeyTags(
      List<TagRequests.TagItem> tags, @JsonProperty("existTagsNum") int existTagsNum) {}

  /** ListKmsByTags: one page of matching keys (absent for action count) and their total number. */
  public record Resources(List<Resource> resources, int totalCount) {}

  /** {@code ActionResources}: a key, its details, its alias as name and its tags. */
  public record Resource(
      String resourceId,
      KeyDetails resourceDetail,
      String resourceName,
      List<TagRequests.TagItem> tags) {}
}
