package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.TagRequests;
import io.keyloom.store.KeyTags;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a tag (huawei-kms-api.md §3.26, docs/tags.md): a key of 1–36 characters, a value of
 * 0–43 characters, neither with an ASCII control character or one of {@code * < > \ =}. Lengths
 * count Unicode characters (code points), not UTF-16 units or bytes.
 */
final class TagRules {
  /** Tags per key, and tags per request (docs/tags.md: the sources say 10 or 20; we take 20). */
  static final int MAX_TAGS = 20;

  static final int MAX_KEY = 36;
  static final int MAX_VALUE = 43;

  private TagRules() {}

  /** A valid tag key ({@code KMS.0406}, {@code KMS.0411}). */
  static String key(String key) {
    if (key == null || key.isEmpty() || !allowed(key)) {
      throw new KmsException(ErrorCode.INVALID_TAG_KEY);
    }
    if (key.codePointCount(0, key.length()) > MAX_KEY) {
      throw new KmsException(ErrorCode.TAG_KEY_TOO_LONG);
    }
    return key;
  }

  /** A valid tag value, absent meaning empty ({@code KMS.0405}, {@code KMS.0410}). */
  static String value(String value) {
    if (value == null) {
      return "";
    }
    if (!allowed(value)) {
      throw new KmsException(ErrorCode.INVALID_TAG_VALUE);
    }
    if (value.codePointCount(0, value.length()) > MAX_VALUE) {
      throw new KmsException(ErrorCode.TAG_VALUE_TOO_LONG);
    }
    return value;
  }

  /** One valid tag; a null item is an invalid tag list ({@code KMS.0412}). */
  static KeyTags.Tag tag(TagRequests.TagItem item) {
    if (item == null) {
      throw new KmsException(ErrorCode.INVALID_TAG_LIST);
    }
    return new KeyTags.Tag(key(item.key()), value(item.value()));
  }

  /**
   * A request's list of tags: 1–20 ({@code KMS.0401} empty, {@code KMS.0407} more), each valid, no
   * tag key twice ({@code KMS.0412}).
   */
  static List<KeyTags.Tag> tags(List<TagRequests.TagItem> items) {
    if (items == null || items.isEmpty()) {
      throw new KmsException(ErrorCode.TAGS_EMPTY);
    }
    if (items.size() > MAX_TAGS) {
      throw new KmsException(ErrorCode.INVALID_TAG_LIST_SIZE);
    }
    List<KeyTags.Tag> tags = items.stream().map(TagRules::tag).toList();
    Set<String> keys = new HashSet<>();
    for (KeyTags.Tag tag : tags) {
      if (!keys.add(tag.key())) {
        throw new KmsException(ErrorCode.INVALID_TAG_LIST);
      }
    }
    return tags;
  }

  private static boolean allowed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 32 || c == '*' || c == '<' || c == '>' || c == '\\' || c == '=') {
        return false;
      }
    }
    return true;
  }
}
