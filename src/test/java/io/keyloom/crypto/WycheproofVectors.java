package io.keyloom.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Loads Wycheproof test-vector files from {@code src/test/resources/wycheproof}. */
final class WycheproofVectors {
  private WycheproofVectors() {}

  static JsonNode load(String name) {
    try (InputStream in = WycheproofVectors.class.getResourceAsStream("/wycheproof/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + name);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] hex(JsonNode node, String field) {
    return HexFormat.of().parseHex(node.get(field).asText());
  }

  static String id(JsonNode test) {
    return "tcId " + test.get("tcId").asInt();
  }

  /** Wycheproof "acceptable" cases may go either way; only "valid"/"invalid" are asserted. */
  static boolean isAcceptable(JsonNode test) {
    return "acceptable".equals(test.get("result").asText());
  }

  static boolean isValid(JsonNode test) {
    return "valid".equals(test.get("result").asText());
  }
}
