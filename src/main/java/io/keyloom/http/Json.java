package io.keyloom.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON codec of the API: snake_case names, null fields omitted, and strict reading: duplicate
 * keys, trailing data after the top-level value, values of the wrong JSON type, invalid UTF-8 and
 * unpaired surrogates are all refused (docs/json-codec.md).
 *
 * <p>Unknown request fields are ignored rather than refused, unlike STYLE's default: Huawei's SDKs
 * add optional fields over time (pin, keystore_id, ...), and a client that sends one must keep
 * working (docs/json-codec.md).
 */
final class Json {
  static final ObjectMapper MAPPER = mapper();

  private Json() {}

  private static ObjectMapper mapper() {
    JsonMapper.Builder builder =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule().addDeserializer(String.class, new StrictStrings()));
    for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Boolean}) {
      builder.withCoercionConfig(
          type,
          config -> {
            for (CoercionInputShape shape : CoercionInputShape.values()) {
              config.setCoercion(shape, CoercionAction.Fail);
            }
          });
    }
    // Huawei carries most booleans as "true"/"false" strings; for the few real JSON booleans
    // (with_plain_text) those two strings are accepted too, and nothing else.
    builder.withCoercionConfig(
        LogicalType.Boolean,
        config -> config.setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
    return builder.build();
  }

  /**
   * Reads a request body, or throws {@code KMS.0202} for anything that is not one strictly valid
   * JSON object of the right shape.
   */
  static <T> T read(byte[] body, Class<T> type) {
    return bind(object(body), type);
  }

  /**
   * Reads a request body as a JSON object, or throws {@code KMS.0202} for anything that is not one
   * strictly valid JSON object (empty, not UTF-8, a lone surrogate, duplicate keys, trailing data).
   */
  static ObjectNode object(byte[] body) {
    if (body == null || body.length == 0) {
      throw new KmsException(ErrorCode.INVALID_JSON);
    }
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
      JsonNode tree = MAPPER.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new KmsException(ErrorCode.INVALID_JSON);
      }
      if (!wellFormedText(tree)) {
        throw new KmsException(
            ErrorCode.INVALID_JSON,
            "Invalid JSON format of the request message: a string holds an unpaired surrogate.");
      }
      return (ObjectNode) tree;
    } catch (CharacterCodingException e) {
      throw new KmsException(
          ErrorCode.INVALID_JSON, "Invalid JSON format of the request message: not UTF-8.");
    } catch (IOException e) {
      throw new KmsException(ErrorCode.INVALID_JSON);
    }
  }

  /** Binds a JSON object to a request record, or throws {@code KMS.0202} for a wrong shape. */
  static <T> T bind(ObjectNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (IOException e) {
      throw new KmsException(ErrorCode.INVALID_JSON);
    }
  }

  /**
   * Whether every string and field name in the tree is well-formed UTF-16. A lone surrogate from a
   * {@code \ud800} escape would otherwise become {@code ?} when encoded, so that {@code
   * {"a":"\ud800"}} and {@code {"a":"?"}} would bind the same ciphertext.
   */
  static boolean wellFormedText(JsonNode node) {
    if (node.isTextual()) {
      return wellFormed(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!wellFormed(field.getKey()) || !wellFormedText(field.getValue())) {
          return false;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (!wellFormedText(element)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Writes a response body. */
  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response not serialisable: " + value.getClass(), e);
    }
  }
}
