package io.keyloom.it;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.ActionResources;
import com.huaweicloud.sdk.kms.v2.model.BatchCreateKmsTagsRequest;
import com.huaweicloud.sdk.kms.v2.model.BatchCreateKmsTagsRequestBody;
import com.huaweicloud.sdk.kms.v2.model.CreateKmsTagRequest;
import com.huaweicloud.sdk.kms.v2.model.CreateKmsTagRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DeleteTagRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKmsByTagsRequest;
import com.huaweicloud.sdk.kms.v2.model.ListKmsByTagsRequestBody;
import com.huaweicloud.sdk.kms.v2.model.ListKmsByTagsResponse;
import com.huaweicloud.sdk.kms.v2.model.ListKmsTagsRequest;
import com.huaweicloud.sdk.kms.v2.model.ShowKmsTagsRequest;
import com.huaweicloud.sdk.kms.v2.model.ShowKmsTagsResponse;
import com.huaweicloud.sdk.kms.v2.model.Tag;
import com.huaweicloud.sdk.kms.v2.model.TagItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six tag operations through the official SDK (docs/tags.md). */
final class TagCalls {
  private TagCalls() {}

  static TagItem item(String key, String value) {
    return new TagItem().withKey(key).withValue(value);
  }

  static Tag filter(String key, String... values) {
    return new Tag().withKey(key).withValues(List.of(values));
  }

  static void create(KmsClient kms, String keyId, String key, String value) {
    kms.createKmsTag(
        new CreateKmsTagRequest()
            .withKeyId(keyId)
            .withBody(new CreateKmsTagRequestBody().withTag(item(key, value))));
  }

  static void batch(KmsClient kms, String keyId, String action, TagItem... tags) {
    kms.batchCreateKmsTags(
        new BatchCreateKmsTagsRequest()
            .withKeyId(keyId)
            .withBody(
                new BatchCreateKmsTagsRequestBody().withAction(action).withTags(List.of(tags))));
  }

  static void delete(KmsClient kms, String keyId, String key) {
    kms.deleteTag(new DeleteTagRequest().withKeyId(keyId).withKey(key));
  }

  static ShowKmsTagsResponse show(KmsClient kms, String keyId) {
    return kms.showKmsTags(new ShowKmsTagsRequest().withKeyId(keyId));
  }

  /** The key's tags as a map, in the order answered. */
  static Map<String, String> of(KmsClient kms, String keyId) {
    Map<String, String> tags = new LinkedHashMap<>();
    show(kms, keyId).getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
    return tags;
  }

  /** The project's tags: each tag key with its values. */
  static Map<String, List<String>> project(KmsClient kms) {
    Map<String, List<String>> tags = new LinkedHashMap<>();
    kms.listKmsTags(new ListKmsTagsRequest())
        .getTags()
        .forEach(t -> tags.put(t.getKey(), t.getValues()));
    return tags;
  }

  static ListKmsByTagsResponse search(KmsClient kms, ListKmsByTagsRequestBody body) {
    return kms.listKmsByTags(
        new ListKmsByTagsRequest().withResourceInstances("resource_instances").withBody(body));
  }

  /** The ids of the keys a filter finds, in the order answered. */
  static List<String> ids(ListKmsByTagsResponse response) {
    List<String> ids = new ArrayList<>();
    for (ActionResources r : response.getResources()) {
      ids.add(r.getResourceId());
    }
    return ids;
  }

  static ListKmsByTagsRequestBody filter(Tag... tags) {
    return new ListKmsByTagsRequestBody().withAction("filter").withTags(List.of(tags));
  }
}
