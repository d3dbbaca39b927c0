package io.keyloom.http;

import io.vertx.core.http.HttpMethod;
import java.util.function.Function;

/**
 * One entry of the route table: everything a reviewer needs to judge an endpoint's exposure.
 *
 * @param method the HTTP method
 * @param path the Vert.x path pattern, e.g. {@code /v1.0/:project_id/kms/create-key}
 * @param maxBodyBytes the largest body accepted (413 {@code KMS.0203} above)
 * @param auth who may call it
 * @param work which executor runs it, decided from the body before any other work is done
 * @param handler what it does
 */
record Route(
    HttpMethod method,
    String path,
    int maxBodyBytes,
    Auth auth,
    Function<byte[], Work> work,
    Endpoint handler) {
  /**
   * The path as an OpenAPI path template: Vert.x parameters ({@code :project_id}) become {@code
   * {project_id}}.
   */
  String template() {
    return path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
  }

  /** How a route authenticates its caller. */
  enum Auth {
    /** No credentials: health, versions, token issuance. */
    NONE,
    /**
     * No credentials, but never from a web page: the emulator controls (docs/emulator.md). A
     * request with an {@code Origin} header gets 403 {@code KMS.0307}: browsers send it on every
     * cross-site POST and on a DNS-rebound page's requests; scripts, SDKs and tests do not.
     */
    EMULATOR,
    /** AK/SK signature or X-Auth-Token, scoped to the path's project. */
    PROJECT,
    /** Any valid AK/SK signature (temporary ones too) or X-Auth-Token of a user; no project. */
    USER,
    /** As {@link #USER}, but not temporary credentials: for issuing new credentials. */
    LONG_TERM_USER
  }
}
