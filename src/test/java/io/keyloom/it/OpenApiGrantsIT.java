package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The grant operations' real responses, successes and refusals, validated against openapi.json's
 * closed schemas (a class of its own: OpenApiResponsesIT and OpenApiErrorsIT are near the size
 * budget).
 */
class OpenApiGrantsIT {
  static final String KMS = "/v1.0/{project_id}/kms/";
  static TestServer server;
  static ApiCalls api;
  static String bobToken;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = new ApiCalls(server);
    bobToken =
        new Http(server.endpoint())
            .token(
                TestServer.OTHER_DOMAIN,
                TestServer.OTHER_USER,
                TestServer.OTHER_PASSWORD,
                TestServer.PROJECT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String newKey(String alias) {
    return api.kms("create-key", "{\"key_alias\":\"" + alias + "\"}")
        .json()
        .at("/key_info/key_id")
        .asText();
  }

  static Http.Response ok(String operation, String body) {
    Http.Response r = api.kms(operation, body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r;
  }

  static String grant(String keyId, String grantee) {
    String body =
        "{\"key_id\":\"%s\",\"grantee_principal\":\"%s\",\"operations\":[\"encrypt-data\"],"
                .formatted(keyId, grantee)
            + "\"name\":\"n1\",\"retiring_principal\":\"r1\",\"grantee_principal_type\":\"user\"}";
    return ok("create-grant", body).json().path("grant_id").asText();
  }

  static String ids(String keyId, String grantId) {
    return "{\"key_id\":\"" + keyId + "\",\"grant_id\":\"" + grantId + "\"}";
  }

  static String bobId() {
    String login =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"bob",\
        "password":"Bob-Passw0rd!","domain":{"name":"globex"}}}}}}""";
    Http.Response r = new Http(server.endpoint()).post("/v3/auth/tokens", login, Map.of());
    return r.json().at("/token/user/id").asText();
  }

  @Test
  void grantOperations_validate() {
    String key = newKey("openapi-grants");
    String first = grant(key, "granteeOne");
    String second = grant(key, "granteeTwo");
    ok("list-grants", "{\"key_id\":\"" + key + "\",\"limit\":\"1\"}");
    ok("list-grants", "{\"key_id\":\"" + key + "\",\"limit\":\"1\",\"marker\":\"1\"}");
    ok("list-retirable-grants", "{\"limit\":\"1\"}");
    assertThat(ok("revoke-grant", ids(key, first)).text()).isEqualTo("{}");
    assertThat(ok("retire-grant", ids(key, second)).text()).isEqualTo("{}");
    api.call("GET", KMS + "user-quotas", null, Map.of("X-Auth-Token", api.token()));
  }

  @Test
  void grantRefusals_validate() {
    String key = newKey("openapi-grant-errors");
    String unknown = "00000000-0000-4000-8000-000000000000";
    String only =
        "{\"key_id\":\""
            + key
            + "\",\"grantee_principal\":\"b\","
            + "\"operations\":[\"create-grant\"]}";
    assertThat(api.kms("create-grant", only).errorCode()).isEqualTo("KMS.2401");
    assertThat(api.kms("list-grants", "{\"key_id\":\"" + unknown + "\"}").errorCode())
        .isEqualTo("KMS.0207");
    assertThat(api.kms("revoke-grant", ids(key, "x")).errorCode()).isEqualTo("KMS.2501");
    assertThat(api.kms("retire-grant", ids(key, "0".repeat(64))).errorCode()).isEqualTo("KMS.2501");
    assertThat(api.kms("list-retirable-grants", "{\"limit\":\"0\"}").errorCode())
        .isEqualTo("KMS.1601");
    String grant = grant(key, bobId());
    String bobs = KMS.replace("{project_id}", TestServer.OTHER_PROJECT_ID) + "retire-grant";
    Http.Response byBob =
        api.call(
            "POST", KMS + "retire-grant", bobs, ids(key, grant), Map.of("X-Auth-Token", bobToken));
    assertThat(byBob.errorCode()).isEqualTo("KMS.0306");
  }
}
