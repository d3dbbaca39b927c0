package io.keyloom.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of every route, {@code src/main/resources/openapi.json}, served as {@code
 * GET /openapi.json}. The file in the repository is the one source: the server serves it as read
 * from the classpath, and the tests check it against the route table and real responses
 * (docs/openapi.md).
 */
final class ApiDocument {
  static final String RESOURCE = "/openapi.json";

  private ApiDocument() {}

  /** The parsed document; read on first use, so a server start does not pay for it. */
  static JsonNode json() {
    return Holder.DOCUMENT;
  }

  private static final class Holder {
    static final JsonNode DOCUMENT = load();
  }

  private static JsonNode load() {
    try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + RESOURCE);
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
