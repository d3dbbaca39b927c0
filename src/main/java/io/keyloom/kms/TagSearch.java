package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.TagRequests;
import io.keyloom.kms.api.TagResponses;
import io.keyloom.store.KeyTags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ListKmsByTags ({@code POST .../kms/resource_instances/action}, docs/tags.md): the caller's
 * project's keys that carry every filter tag key with one of its values (values OR-ed, keys AND-ed;
 * a filter without values matches any value) and whose alias contains the {@code resource_name}
 * match, in list-keys order; action {@code filter} pages them, {@code count} counts.
 */
final class TagSearch {
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_MATCH = 255;
  private final KeyTags tags;

  /** A search over the store's tags. */
  TagSearch(KeyTags tags) {
    this.tags = tags;
  }

  /** The matching keys, or only their number for action count. */
  TagResponses.Resources search(Project project, TagRequests.ListKmsByTags r) {
    Params.sequence(r.sequence());
    boolean count = count(r);
    Map<String, Set<String>> filters = filters(r.tags());
    String name = name(r.matches());
    int limit = count ? 0 : Params.pageLimit(r.limit(), DEFAULT_LIMIT);
    int offset = count ? 0 : Params.pageStart(r.offset(), ErrorCode.INVALID_OFFSET);
    List<KeyTags.TaggedKey> found = new ArrayList<>();
    for (KeyTags.TaggedKey key : tags.keysOf(project.id())) {
      if (matches(key, filters, name)) {
        found.add(key);
      }
    }
    if (count) {
      return new TagResponses.Resources(null, found.size());
    }
    List<TagResponses.Resource> page = new ArrayList<>();
    for (int i = offset; i < found.size() && i < (long) offset + limit; i++) {
      page.add(resource(project, found.get(i)));
    }
    return new TagResponses.Resources(page, found.size());
  }

  /** Whether the action is count ({@code KMS.0404} for anything but filter or count). */
  private static boolean count(TagRequests.ListKmsByTags r) {
    if ("filter".equals(r.action())) {
      return false;
    }
    if (!"count".equals(r.action())) {
      throw new KmsException(ErrorCode.INVALID_TAG_ACTION);
    }
    if (!absent(r.limit()) || !absent(r.offset())) {
      throw new KmsException(ErrorCode.OFFSET_NOT_ALLOWED);
    }
    return true;
  }

  private static boolean matches(
      KeyTags.TaggedKey key, Map<String, Set<String>> filters, String n) {
    if (n != null && !key.row().alias().contains(n)) {
      return false;
    }
    for (Map.Entry<String, Set<String>> filter : filters.entrySet()) {
      boolean hit = false;
      for (KeyTags.Tag tag : key.tags()) {
        hit |=
            tag.key().equals(filter.getKey())
                && (filter.getValue().isEmpty() || filter.getValue().contains(tag.value()));
      }
      if (!hit) {
        return false;
      }
    }
    return true;
  }

  /**
   * The tag filters: at most 20 ({@code KMS.0407}), each a valid tag key with at most 20 valid
   * values ({@code KMS.0413}), no key twice ({@code KMS.0414}).
   */
  private static Map<String, Set<String>> filters(List<TagRequests.Tag> filters) {
    Map<String, Set<String>> byKey = new LinkedHashMap<>();
    if (filters == null) {
      return byKey;
    }
    if (filters.size() > TagRules.MAX_TAGS) {
      throw new KmsException(ErrorCode.INVALID_TAG_LIST_SIZE);
    }
    for (TagRequests.Tag filter : filters) {
      if (filter == null) {
        throw new KmsException(ErrorCode.INVALID_TAGS);
      }
      List<String> values = filter.values() == null ? List.of() : filter.values();
      if (values.size() > TagRules.MAX_TAGS) {
        throw new KmsException(ErrorCode.TOO_MANY_TAG_VALUES);
      }
      Set<String> valid = new HashSet<>();
      values.forEach(v -> valid.add(TagRules.value(v)));
      if (byKey.put(TagRules.key(filter.key()), valid) != null) {
        throw new KmsException(ErrorCode.INVALID_TAGS);
      }
    }
    return byKey;
  }

  /**
   * The resource_name to look for, or null: matches are {@code resource_name} only ({@code
   * KMS.0403}), once ({@code KMS.0415}), with a value of 1–255 characters ({@code KMS.0402}).
   */
  private static String name(List<TagRequests.TagItem> matches) {
    if (matches == null || matches.isEmpty()) {
      return null;
    }
    if (matches.size() > 1) {
      throw new KmsException(ErrorCode.INVALID_MATCHES);
    }
    TagRequests.TagItem match = matches.get(0);
    if (match == null || !"resource_name".equals(match.key())) {
      throw new KmsException(ErrorCode.INVALID_MATCH_KEY);
    }
    String value = match.value();
    if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > MAX_MATCH) {
      throw new KmsException(ErrorCode.INVALID_MATCH_VALUE);
    }
    return value;
  }

  private static TagResponses.Resource resource(Project project, KeyTags.TaggedKey key) {
    return new TagResponses.Resource(
        key.row().keyId(),
        KeyService.details(project, key.row()),
        key.row().alias(),
        TagService.items(key.tags()));
  }

  private static boolean absent(String value) {
    return value == null || value.isEmpty();
  }
}
