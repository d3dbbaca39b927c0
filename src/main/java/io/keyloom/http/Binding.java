package io.keyloom.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * How an operation's request record is made from a request (docs/routes.md): one record per
 * operation whose fields are the JSON body's fields and the path's parameters, or, for operations
 * without a body, the path's and the query's parameters. Parameters arrive as JSON strings, so the
 * record declares them as {@code String} (as Huawei carries numbers such as {@code limit}); the
 * service validates them like any body field, with the same error codes.
 */
final class Binding {
  /** Never part of a request record: the project is the authenticated caller's. */
  static final String PROJECT_ID = "project_id";

  private Binding() {}

  /**
   * The record of an operation with a JSON body (POST, PUT, or DELETE with a body): the body, a
   * strictly valid JSON object ({@code KMS.0202} otherwise), with the path's parameters set over
   * any body field of the same name, so that the path always names the resource acted on.
   */
  static <Q> Q withBody(Endpoint.Request request, Class<Q> type) {
    ObjectNode tree = Json.object(request.body());
    put(tree, request.path());
    return Json.bind(tree, type);
  }

  /**
   * The record of an operation without a body (GET, or DELETE naming its resource in the path): the
   * query's parameters, then the path's over them. A body, if any, is ignored.
   */
  static <Q> Q withoutBody(Endpoint.Request request, Class<Q> type) {
    ObjectNode tree = Json.MAPPER.createObjectNode();
    put(tree, request.query());
    put(tree, request.path());
    return Json.bind(tree, type);
  }

  private static void put(ObjectNode tree, Map<String, String> parameters) {
    parameters.forEach(
        (name, value) -> {
          if (!PROJECT_ID.equals(name)) {
            tree.put(name, value);
          }
        });
  }
}
