package io.keyloom.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Collection;
import java.util.List;

/** Names the parts of a seed file in error messages, from Jackson's paths and types. */
final class SeedFields {
  private SeedFields() {}

  /** The field path of a mapping error, e.g. {@code domains[0].users[0].password}. */
  static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        out.append('[').append(r.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** What a record of the seed is, for "unknown field 'x' in a user". */
  static String kind(Class<?> type) {
    if (type == Seed.Domain.class) {
      return "a domain";
    } else if (type == Seed.Project.class) {
      return "a project";
    } else if (type == Seed.User.class) {
      return "a user";
    } else if (type == Seed.AccessKey.class) {
      return "an access key";
    } else if (type == SeedKey.class) {
      return "a key";
    } else if (type == SeedRotation.class) {
      return "a key's rotation";
    }
    return "the seed file";
  }

  /** What a value of the given type looks like in YAML. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    } else if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    } else if (type == String.class || type == SeedMaterial.class) {
      return "a text value";
    } else if (type.isRecord()) {
      return "a mapping of fields (" + kind(type).replaceFirst("^an? ", "") + ")";
    }
    return "a " + type.getSimpleName();
  }
}
