package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

/**
 * Real HTTP calls whose every response is checked against the OpenAPI document: the status must be
 * documented for the operation, the headers and the body must validate. Successful calls also check
 * the request body the test sent against the documented request schema.
 */
final class ApiCalls {
  static final OpenApi API = OpenApi.load();
  private final Http http;
  private final String token;

  ApiCalls(TestServer server) {
    this.http = new Http(server.endpoint());
    this.token =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
  }

  /** The project-scoped token of alice. */
  String token() {
    return token;
  }

  /** A KMS operation in alice's project with her token; the response must match the document. */
  Http.Response kms(String operation, String body) {
    return call("POST", "/v1.0/{project_id}/kms/" + operation, body, Map.of("X-Auth-Token", token));
  }

  /** {@code METHOD template} (project id filled in) with the given headers, checked. */
  Http.Response call(String method, String template, String body, Map<String, String> headers) {
    return call(
        method, template, template.replace("{project_id}", TestServer.PROJECT_ID), body, headers);
  }

  /** A call to {@code path}, checked against the operation {@code METHOD template}. */
  Http.Response call(
      String method, String template, String path, String body, Map<String, String> headers) {
    Http.Response r = http.send(method, path, body, new HashMap<>(headers));
    assertThat(API.checkResponse(method, template, r)).as(r.text()).isEmpty();
    if (r.status() < 300 && body != null) {
      assertThat(API.checkRequest(method, template, body)).isEmpty();
    }
    return r;
  }

  /** A call that no operation serves, checked against {@code components/responses/NAME}. */
  Http.Response unrouted(String method, String path, String body, String component) {
    return unrouted(method, path, body, Map.of("X-Auth-Token", token), component);
  }

  /** As {@link #unrouted(String, String, String, String)}, with the given headers. */
  Http.Response unrouted(
      String method, String path, String body, Map<String, String> headers, String component) {
    Http.Response r = http.send(method, path, body, headers);
    assertThat(API.checkComponentResponse(component, r)).as(r.text()).isEmpty();
    return r;
  }
}
