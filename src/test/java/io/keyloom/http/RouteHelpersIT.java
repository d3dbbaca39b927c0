package io.keyloom.http;

import static io.keyloom.http.ProjectRoutes.KMS;
import static io.keyloom.http.ProjectRoutes.V2;
import static io.keyloom.http.Route.Method.DELETE;
import static io.keyloom.http.Route.Method.GET;
import static io.keyloom.http.Route.Method.POST;
import static io.keyloom.http.Route.Method.PUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.audit.AuditLog;
import io.keyloom.auth.Caller;
import io.keyloom.config.ConnectionLimits;
import io.keyloom.it.Http;
import io.keyloom.kms.Project;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The route helpers of {@link ProjectRoutes} through real HTTP, on a test-only route table shaped
 * like Huawei's remaining operations (docs/routes.md): path parameters beyond the project, GET with
 * query parameters, PUT, DELETE with and without a JSON body, and 200/201/204 answers.
 */
class RouteHelpersIT {
  static final String PROJECT_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
  static final Caller CALLER = new Caller("domain", "user", PROJECT_ID, "cn-north-4");
  static final AtomicReference<Object> SEEN = new AtomicReference<>();
  static Vertx vertx;
  static HttpApi api;
  static Http http;
  static int port;

  /** A request record: the fields of body, path and query alike. */
  record Tagged(
      String keyId, String key, String projectId, String limit, String marker, String action) {}

  @BeforeAll
  static void start() throws InterruptedException {
    vertx = Vertx.vertx();
    api = new HttpApi(vertx, null, 0, null, faults -> table(), AuditLog.NONE);
    port =
        api.start(
            new HttpApi.Listener(
                "127.0.0.1", 0, Optional.empty(), Optional.empty(), ConnectionLimits.defaults()));
    http = new Http("http://127.0.0.1:" + port);
  }

  @AfterAll
  static void stop() {
    api.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  /** One line per operation, as in {@link Routes}; the caller is fixed instead of authenticated. */
  static List<Route> table() {
    ProjectRoutes p = new ProjectRoutes(1024);
    return List.of(
            p.ok(GET, KMS + ":key_id/tags", Work.WRITE, Tagged.class, RouteHelpersIT::echo),
            p.ok(POST, KMS + ":key_id/tags/action", Work.WRITE, Tagged.class, RouteHelpersIT::echo),
            p.created(POST, KMS + "aliases", Work.WRITE, Tagged.class, RouteHelpersIT::echo),
            p.noContent(DELETE, KMS + "aliases", Work.WRITE, Tagged.class, RouteHelpersIT::seen),
            p.noContent(
                DELETE, KMS + ":key_id/tags/:key", Work.WRITE, Tagged.class, RouteHelpersIT::seen),
            p.ok(
                PUT,
                V2 + "kms/keys/:key_id/update",
                Work.WRITE,
                Tagged.class,
                RouteHelpersIT::echo),
            p.get(KMS + "user-quotas", Work.WRITE, project -> Map.of("project", project.id())))
        .stream()
        .map(RouteHelpersIT::asFixedCaller)
        .toList();
  }

  private static Route asFixedCaller(Route r) {
    Endpoint endpoint =
        q ->
            r.handler()
                .handle(
                    new Endpoint.Request(
                        CALLER, q.body(), q.origin(), q.clientAddress(), q.path(), q.query()));
    return new Route(r.method(), r.path(), r.maxBodyBytes(), Route.Auth.NONE, r.work(), endpoint);
  }

  private static Tagged echo(Project project, Tagged request) {
    assertThat(project.id()).isEqualTo(PROJECT_ID);
    return request;
  }

  private static void seen(Project project, Tagged request) {
    SEEN.set(request);
  }

  private static Http.Response send(String method, String path, String body) {
    return http.send(method, "/v1.0/" + PROJECT_ID + "/kms/" + path, body, Map.of());
  }

  @Test
  void get_bindsPathAndQueryParameters_butNeverTheProject() {
    Http.Response r = send("GET", "k%201/tags?limit=5&marker=m&project_id=x&limit=9", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().toString())
        .isEqualTo("{\"key_id\":\"k 1\",\"limit\":\"5\",\"marker\":\"m\"}");
  }

  @Test
  void post_bindsTheBody_andThePathWinsOverABodyFieldOfTheSameName() {
    Http.Response r = send("POST", "k1/tags/action", "{\"action\":\"create\",\"key_id\":\"k2\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().toString()).isEqualTo("{\"key_id\":\"k1\",\"action\":\"create\"}");
  }

  @Test
  void post_withoutAJsonObjectBody_isKms0202() {
    assertThat(send("POST", "k1/tags/action", null).errorCode()).isEqualTo("KMS.0202");
    assertThat(send("POST", "k1/tags/action", "[1]").errorCode()).isEqualTo("KMS.0202");
    assertThat(send("POST", "k1/tags/action", "{\"limit\":[]}").errorCode()).isEqualTo("KMS.0202");
  }

  @Test
  void created_answers201WithTheResult() {
    Http.Response r = send("POST", "aliases", "{\"key_id\":\"k1\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().path("key_id").asText()).isEqualTo("k1");
  }

  @Test
  void deleteWithABody_answers204WithoutBodyOrContentType() {
    Http.Response r = send("DELETE", "aliases", "{\"key_id\":\"k1\",\"marker\":\"a\"}");
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.text()).isEmpty();
    assertThat(r.headers().firstValue("Content-Type")).isEmpty();
    assertThat(SEEN.get()).isEqualTo(new Tagged("k1", null, null, null, "a", null));
  }

  @Test
  void deleteWithoutABody_bindsThePathParameters() {
    Http.Response r = send("DELETE", "k1/tags/DEV", null);
    assertThat(r.status()).isEqualTo(204);
    assertThat(SEEN.get()).isEqualTo(new Tagged("k1", "DEV", null, null, null, null));
  }

  @Test
  void put_onAV2Path_bindsBodyAndPath() {
    Http.Response r =
        http.send(
            "PUT", "/v2/" + PROJECT_ID + "/kms/keys/k1/update", "{\"action\":\"x\"}", Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().toString()).isEqualTo("{\"key_id\":\"k1\",\"action\":\"x\"}");
  }

  @Test
  void getWithoutParameters_seesTheCallersProject() {
    Http.Response r = send("GET", "user-quotas", null);
    assertThat(r.json().path("project").asText()).isEqualTo(PROJECT_ID);
  }

  @Test
  void aMalformedQuery_isKms0201_neverA500() throws IOException {
    String target = "/v1.0/" + PROJECT_ID + "/kms/k1/tags?limit=%zz";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String request = "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"KMS.0201\"");
    }
  }

  @Test
  void anUnknownMethodOnAKnownPath_is405() {
    assertThat(send("PUT", "aliases", "{}").status()).isEqualTo(405);
  }

  @Test
  void operationNames_areThePathAfterTheProject() {
    assertThat(table().stream().map(Route::operation).distinct().toList())
        .containsExactly(
            "{key_id}/tags",
            "{key_id}/tags/action",
            "aliases",
            "{key_id}/tags/{key}",
            "keys/{key_id}/update",
            "user-quotas");
  }
}
