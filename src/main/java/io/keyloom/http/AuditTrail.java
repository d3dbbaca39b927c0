package io.keyloom.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keyloom.audit.AuditEvent;
import io.keyloom.audit.AuditLog;
import io.keyloom.auth.AuthMethod;
import io.keyloom.auth.Caller;
import io.keyloom.kms.api.KeyResponses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.Map;

/**
 * Feeds the audit log (docs/audit-log.md): one event per KMS and IAM request that reached its
 * route, from identifiers only. Never reads a secret: the key id is taken from the path, the body's
 * top-level {@code key_id} or create-key's response; the caller from the authenticated {@link
 * Caller} (or, on login, the response's user ids); the error code from the rendered error.
 */
final class AuditTrail {
  private static final int MAX_KEY_ID = 255;
  private final AuditLog log;

  AuditTrail(AuditLog log) {
    this.log = log;
  }

  /** Whether {@code route} is audited: KMS operations and IAM endpoints. */
  static boolean audited(Route route) {
    return route.auth() == Route.Auth.PROJECT || route.path().startsWith("/v3");
  }

  /**
   * Records the outcome of one request on {@code route}.
   *
   * @param caller the authenticated caller, null when authentication failed or there is none
   * @param durable whether to return only once the line is written to the OS
   */
  void record(
      RoutingContext ctx,
      Route route,
      Caller caller,
      byte[] body,
      Endpoint.Reply reply,
      boolean durable) {
    if (!audited(route)) {
      return;
    }
    boolean kms = route.auth() == Route.Auth.PROJECT;
    log.record(
        new AuditEvent(
            ctx.get(HttpApi.REQUEST_ID),
            kms ? "kms" : "iam",
            route.method().name(),
            kms ? route.operation() : route.template(),
            caller(ctx.request(), caller, reply),
            kms ? keyId(ctx.pathParam("key_id"), body, reply.body()) : null,
            reply.status(),
            reply.status() >= 400 ? errorCode(reply.body()) : null,
            clientAddress(ctx)),
        durable);
  }

  static String clientAddress(RoutingContext ctx) {
    SocketAddress peer = ctx.request().remoteAddress();
    return peer == null || peer.hostAddress() == null ? "" : peer.hostAddress();
  }

  private static AuditEvent.Caller caller(
      HttpServerRequest r, Caller caller, Endpoint.Reply reply) {
    if (caller != null) {
      String method = caller.method() == null ? null : caller.method().wireName();
      return new AuditEvent.Caller(caller.userId(), caller.domainId(), caller.projectId(), method);
    }
    if (r.path().startsWith("/v3/auth/tokens")) {
      return login(reply);
    }
    return new AuditEvent.Caller(null, null, null, attempted(r));
  }

  /** How an unauthenticated request tried to authenticate, from its headers' names only. */
  private static String attempted(HttpServerRequest r) {
    AuthMethod method =
        r.getHeader("Authorization") != null
            ? r.getHeader("X-Security-Token") != null ? AuthMethod.TEMPORARY_AKSK : AuthMethod.AKSK
            : r.getHeader("X-Auth-Token") != null ? AuthMethod.TOKEN : null;
    return method == null ? null : method.wireName();
  }

  /** A login's user, from the token body it answered; nobody on a refused login. */
  private static AuditEvent.Caller login(Endpoint.Reply reply) {
    String password = AuthMethod.PASSWORD.wireName();
    Map<?, ?> token = map(map(reply.body()).get("token"));
    Map<?, ?> user = map(token.get("user"));
    if (reply.status() >= 400 || user.isEmpty()) {
      return new AuditEvent.Caller(null, null, null, password);
    }
    return new AuditEvent.Caller(
        string(user.get("id")),
        string(map(user.get("domain")).get("id")),
        string(map(token.get("project")).get("id")),
        password);
  }

  /** The error code of a rendered error: KMS's nested, the gateway's flat, none for IAM's. */
  static String errorCode(Object body) {
    Map<?, ?> flat = map(body);
    Object nested = map(flat.get("error")).get("error_code");
    Object code = nested != null ? nested : flat.get("error_code");
    return code instanceof String s ? s : null;
  }

  private static String keyId(String fromPath, byte[] body, Object replyBody) {
    if (replyBody instanceof KeyResponses.CreateKey created && created.keyInfo() != null) {
      return created.keyInfo().keyId();
    }
    return bounded(fromPath != null ? fromPath : bodyKeyId(body));
  }

  /** The body's top-level {@code key_id} string, read without parsing anything else. */
  static String bodyKeyId(byte[] body) {
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("key_id".equals(field) && value == JsonToken.VALUE_STRING) {
          return parser.getText();
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String bounded(String keyId) {
    return keyId == null || keyId.length() > MAX_KEY_ID ? null : keyId;
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String string(Object o) {
    return o instanceof String s ? s : null;
  }
}
