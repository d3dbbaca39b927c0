package io.keyloom.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.Set;

/**
 * Reads a JSON string field and refuses every other JSON type ({@code {"key_alias":123}} is {@code
 * KMS.0202}, never {@code "123"}), except that the fields Huawei defines as numbers carried in
 * strings also accept a JSON integer: {@code "pending_days": 7} means {@code "7"}.
 */
final class StrictStrings extends StdScalarDeserializer<String> {
  private static final long serialVersionUID = 1L;

  /** Wire names of the numeric string fields (huawei-kms-api.md §1.6). */
  static final Set<String> NUMERIC_STRINGS =
      Set.of(
          "datakey_length",
          "datakey_plain_length",
          "datakey_cipher_length",
          "random_data_length",
          "pending_days",
          "limit",
          "marker",
          "key_state");

  StrictStrings() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      return p.getText();
    }
    if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && NUMERIC_STRINGS.contains(p.currentName())) {
      return p.getText();
    }
    return (String) ctxt.handleUnexpectedToken(String.class, p);
  }
}
