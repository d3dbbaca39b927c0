package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the route table agree (docs/openapi.md): every route the server serves
 * is documented with its method and path template, and every documented operation is served. A
 * route added without its documentation, or documentation left behind for a removed route, fails
 * here.
 */
class OpenApiRoutesIT {
  static TestServer server;
  static final OpenApi API = OpenApi.load();

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyRouteOfTheTable_isDocumented() {
    TreeSet<String> undocumented = new TreeSet<>(server.routes());
    undocumented.removeAll(API.operations());
    assertThat(undocumented).as("routes missing from openapi.json").isEmpty();
  }

  @Test
  void everyDocumentedOperation_isARouteOfTheTable() {
    TreeSet<String> unserved = API.operations();
    server.routes().forEach(unserved::remove);
    assertThat(unserved).as("operations in openapi.json that no route serves").isEmpty();
  }

  @Test
  void theRouteTable_hasNoDuplicates() {
    List<String> routes = server.routes();
    assertThat(new HashSet<>(routes)).hasSameSizeAs(routes);
  }

  @Test
  void servedDocument_isTheOneInTheRepository_withoutCredentials() {
    Http.Response r = new Http(server.endpoint()).send("GET", "/openapi.json", null, Map.of());
    assertThat(API.checkResponse("GET", "/openapi.json", r)).isEmpty();
    assertThat(r.json()).isEqualTo(API.document());
    assertThat(r.json().path("openapi").asText()).startsWith("3.");
  }

  @Test
  void everyOperation_hasAUniqueIdAndDocumentsSuccessAndThrottling() {
    Set<String> ids = new HashSet<>();
    for (Map.Entry<String, JsonNode> path : OpenApi.fields(API.document().path("paths"))) {
      for (Map.Entry<String, JsonNode> op : OpenApi.fields(path.getValue())) {
        String where = op.getKey() + " " + path.getKey();
        assertThat(ids.add(op.getValue().path("operationId").asText())).as(where).isTrue();
        JsonNode responses = op.getValue().path("responses");
        assertThat(responses.has("200") || responses.has("201") || responses.has("204"))
            .as(where)
            .isTrue();
        assertThat(responses.has("429")).as(where).isTrue();
      }
    }
  }

  /**
   * Every object a response can hold lists its properties and closes with {@code
   * additionalProperties: false}, so an undocumented field in a real response is a finding.
   */
  @Test
  void everyResponseObject_isClosed() {
    List<String> open = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, JsonNode> r :
        OpenApi.fields(API.document().path("components").path("responses"))) {
      closed("/components/responses/" + r.getKey(), r.getValue(), open, seen);
    }
    for (Map.Entry<String, JsonNode> path : OpenApi.fields(API.document().path("paths"))) {
      for (Map.Entry<String, JsonNode> op : OpenApi.fields(path.getValue())) {
        closed(path.getKey(), op.getValue().path("responses"), open, seen);
      }
    }
    assertThat(open).as("response schemas that allow undocumented fields").isEmpty();
  }

  /** Walks a part of the document, following $refs once each; collects open objects. */
  private static void closed(String where, JsonNode node, List<String> open, Set<String> seen) {
    if (node.has("$ref")) {
      String ref = node.get("$ref").asText();
      JsonNode target = API.document().at(ref.substring(1));
      assertThat(target.isMissingNode()).as("unresolved " + ref + " in " + where).isFalse();
      if (seen.add(ref)) {
        closed(ref, target, open, seen);
      }
      return;
    }
    JsonNode additional = node.path("additionalProperties");
    if (node.has("properties") && !(additional.isBoolean() && !additional.asBoolean())) {
      open.add(where);
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        closed(where, child, open, seen);
      }
    }
  }
}
