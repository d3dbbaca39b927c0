package io.keyloom.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the first unknown field of a seed file before it is bound. Jackson builds a record (and
 * runs its validation) before it reports an unknown field, so a typo such as {@code pasword} would
 * otherwise surface as "needs a password"; this pass names the typo itself. Field names come from
 * the records' components, so new seed fields need no change here.
 */
final class SeedShape {
  /** An unknown field: where it is, its name, and what it was found in. */
  record UnknownField(JsonLocation location, String name, Class<?> in, String known) {}

  private SeedShape() {}

  /** The first unknown field, or null; the parser stands on the document's first token. */
  static UnknownField firstUnknown(JsonParser p) throws IOException {
    return check(p, Seed.class);
  }

  private static UnknownField check(JsonParser p, Class<?> type) throws IOException {
    if (type == null || !type.isRecord() || !p.hasToken(JsonToken.START_OBJECT)) {
      p.skipChildren();
      return null;
    }
    Map<String, Type> fields = fields(type);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (!fields.containsKey(name)) {
        return new UnknownField(
            p.currentTokenLocation(), name, type, String.join(", ", fields.keySet()));
      }
      p.nextToken();
      UnknownField found = checkValue(p, fields.get(name));
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static UnknownField checkValue(JsonParser p, Type type) throws IOException {
    if (type instanceof ParameterizedType list
        && list.getRawType() == List.class
        && p.hasToken(JsonToken.START_ARRAY)) {
      Class<?> element = asClass(list.getActualTypeArguments()[0]);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        UnknownField found = check(p, element);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
    return check(p, asClass(type));
  }

  private static Class<?> asClass(Type type) {
    return type instanceof Class<?> c ? c : null;
  }

  private static Map<String, Type> fields(Class<?> record) {
    Map<String, Type> out = new LinkedHashMap<>();
    for (RecordComponent c : record.getRecordComponents()) {
      JsonProperty named = c.getAccessor().getAnnotation(JsonProperty.class);
      if (named == null) {
        named = field(record, c.getName());
      }
      out.put(named == null ? c.getName() : named.value(), c.getGenericType());
    }
    return out;
  }

  private static JsonProperty field(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name).getAnnotation(JsonProperty.class);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
