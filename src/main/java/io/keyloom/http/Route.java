package io.keyloom.http;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One entry of the route table: everything a reviewer needs to judge an endpoint's exposure.
 *
 * @param method the HTTP method
 * @param path the Vert.x path pattern, e.g. {@code /v1.0/:project_id/kms/create-key} or {@code
 *     /v1.0/:project_id/kms/:key_id/tags}
 * @param maxBodyBytes the largest body accepted (413 {@code KMS.0203} above)
 * @param auth who may call it
 * @param work which executor runs it, decided from the body before any other work is done
 * @param handler what it does
 */
record Route(
    Method method,
    String path,
    int maxBodyBytes,
    Auth auth,
    Function<byte[], Work> work,
    Endpoint handler) {
  private static final Pattern PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)");
  private static final Pattern PROJECT_PREFIX = Pattern.compile("^/[^/]+/:project_id/(kms/)?");

  /**
   * The path as an OpenAPI path template: Vert.x parameters ({@code :project_id}) become {@code
   * {project_id}}.
   */
  String template() {
    return PARAMETER.matcher(path).replaceAll("{$1}");
  }

  /**
   * The operation's name for faults (docs/throttle-and-faults.md): the path template after the
   * project (and {@code kms/}), e.g. {@code create-key}, {@code aliases}, {@code {key_id}/tags},
   * {@code keystores/{keystore_id}}. Methods that share a path share its name.
   */
  String operation() {
    String rest = PROJECT_PREFIX.matcher(path).replaceFirst("");
    return PARAMETER.matcher(rest).replaceAll("{$1}");
  }

  /** The HTTP methods routes use; {@link HttpApi} maps them to Vert.x's. */
  enum Method {
    GET,
    POST,
    PUT,
    DELETE
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
