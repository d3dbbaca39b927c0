package io.keyloom.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.io.IOException;

/**
 * The JSON codec of the API: snake_case names, null fields omitted, duplicate keys refused.
 *
 * <p>Unknown request fields are ignored rather than refused, unlike STYLE's default: Huawei's SDKs
 * add optional fields over time (pin, keystore_id, ...), and a client that sends one must keep
 * working (docs/json-codec.md).
 */
final class Json {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private Json() {}

  /** Reads a request body, or throws {@code KMS.0202} for anything that is not a JSON object. */
  static <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new KmsException(ErrorCode.INVALID_JSON);
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new KmsException(ErrorCode.INVALID_JSON);
      }
      return value;
    } catch (IOException e) {
      throw new KmsException(ErrorCode.INVALID_JSON);
    }
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
