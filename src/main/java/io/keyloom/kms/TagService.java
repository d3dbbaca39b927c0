package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.TagRequests;
import io.keyloom.kms.api.TagResponses;
import io.keyloom.store.KeyTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ListKmsTags, ShowKmsTags, CreateKmsTag, DeleteTag, BatchCreateKmsTags and ListKmsByTags
 * (huawei-kms-api.md §3.26, docs/tags.md). Tags can be read and changed in every key state, pending
 * deletion included, and on default keys; a key of another project is not found ({@code KMS.0207}).
 */
public final class TagService {
  private final KeyTags tags;
  private final KeyCache cache;
  private final TagSearch search;

  /** A service over the store's tags; {@code cache} finds the caller's keys. */
  public TagService(KeyTags tags, KeyCache cache) {
    this.tags = tags;
    this.cache = cache;
    this.search = new TagSearch(tags);
  }

  /** ListKmsByTags: filter or count the project's keys by tags (see {@link TagSearch}). */
  public TagResponses.Resources resources(Project project, TagRequests.ListKmsByTags request) {
    return search.search(project, request);
  }

  /** Every tag key of the project's keys with its distinct values. */
  public TagResponses.ProjectTags list(Project project) {
    List<TagRequests.Tag> all = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : tags.ofProject(project.id()).entrySet()) {
      all.add(new TagRequests.Tag(e.getKey(), e.getValue()));
    }
    return new TagResponses.ProjectTags(all);
  }

  /** The key's tags, ordered by tag key. */
  public TagResponses.KeyTags show(Project project, TagRequests.ShowKmsTags request) {
    String keyId = keyOf(project, request.keyId());
    List<TagRequests.TagItem> items = items(tags.of(keyId));
    return new TagResponses.KeyTags(items, items.size());
  }

  /** Adds a tag, or replaces the value of the tag with the same key; at most 20 per key. */
  public void create(Project project, TagRequests.CreateKmsTag request) {
    Params.sequence(request.sequence());
    Params.keyId(request.keyId());
    if (request.tag() == null) {
      throw KmsException.missing("tag");
    }
    KeyTags.Tag tag = TagRules.tag(request.tag());
    write(keyOf(project, request.keyId()), List.of(tag));
  }

  /** Deletes one tag of the key ({@code KMS.0416} when the key has no tag of that key). */
  public void delete(Project project, TagRequests.DeleteTag request) {
    Params.keyId(request.keyId());
    String tagKey = TagRules.key(request.key());
    if (tags.delete(keyOf(project, request.keyId()), List.of(tagKey)) == 0) {
      throw new KmsException(ErrorCode.TAG_NOT_FOUND);
    }
  }

  /**
   * Adds (action create) or deletes (action delete) up to 20 tags at once, all or none. Deleting
   * tags the key does not have is not an error; their values are not compared.
   */
  public void batch(Project project, TagRequests.BatchCreateKmsTags request) {
    Params.sequence(request.sequence());
    Params.keyId(request.keyId());
    String action = request.action();
    if (action == null) {
      throw KmsException.missing("action");
    }
    if (!"create".equals(action) && !"delete".equals(action)) {
      throw new KmsException(ErrorCode.INVALID_TAG_ACTION);
    }
    List<KeyTags.Tag> batch = TagRules.tags(request.tags());
    String keyId = keyOf(project, request.keyId());
    if ("create".equals(action)) {
      write(keyId, batch);
    } else {
      tags.delete(keyId, batch.stream().map(KeyTags.Tag::key).toList());
    }
  }

  static List<TagRequests.TagItem> items(List<KeyTags.Tag> tags) {
    return tags.stream().map(t -> new TagRequests.TagItem(t.key(), t.value())).toList();
  }

  private void write(String keyId, List<KeyTags.Tag> batch) {
    switch (tags.write(keyId, batch, TagRules.MAX_TAGS)) {
      case DONE -> {}
      case NO_KEY -> throw new KmsException(ErrorCode.KEY_NOT_FOUND);
      case TOO_MANY -> throw new KmsException(ErrorCode.TOO_MANY_TAGS);
    }
  }

  /** The id of the caller's key, in any state ({@code KMS.0205}, {@code KMS.0207}). */
  private String keyOf(Project project, String keyId) {
    return cache.get(project.id(), Params.keyId(keyId)).row().keyId();
  }
}
