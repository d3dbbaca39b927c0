package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Error answers from a real server validate against openapi.json: each status is documented for the
 * operation that gave it, in the body shape the document names (KMS, Keystone or gateway).
 */
class OpenApiErrorsIT {
  static final String CREATE_KEY = "/v1.0/{project_id}/kms/create-key";
  static final String ENCRYPT = "/v1.0/{project_id}/kms/encrypt-data";
  static final String TOKENS = "/v3/auth/tokens";
  static final String BAD_SIGNATURE =
      "SDK-HMAC-SHA256 Access=ALICEACCESSKEY000001, SignedHeaders=host;x-sdk-date, Signature=00";
  static TestServer server;
  static ApiCalls api;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    api = new ApiCalls(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Map<String, String> token() {
    return Map.of("X-Auth-Token", api.token());
  }

  static String login(String user, String password) {
    return """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"acme"}}}}}}"""
        .formatted(user, password);
  }

  @Test
  void kms400_forBadJsonMissingParametersAndTamperedCiphertexts() {
    assertThat(api.kms("create-key", "{").errorCode()).isEqualTo("KMS.0202");
    assertThat(api.kms("encrypt-data", "{\"key_id\":\"x\"}").status()).isEqualTo(400);
    assertThat(api.kms("decrypt-data", "{\"cipher_text\":\"AAAA\"}").status()).isEqualTo(400);
    assertThat(api.kms("list-keys", "{\"limit\":\"0\"}").errorCode()).isEqualTo("KMS.1601");
    String unknown = "00000000-0000-4000-8000-000000000000";
    String interval = "{\"key_id\":\"" + unknown + "\",\"rotation_interval\":29}";
    assertThat(api.kms("update-key-rotation-interval", interval).errorCode()).isEqualTo("KMS.3001");
    assertThat(api.kms("enable-key-rotation", "{}").errorCode()).isEqualTo("KMS.0204");
    assertThat(api.kms("disable-key-rotation", "{\"key_id\":\"x\"}").errorCode())
        .isEqualTo("KMS.0205");
    assertThat(api.kms("get-key-rotation-status", "{\"key_id\":\"" + unknown + "\"}").status())
        .isEqualTo(404);
  }

  @Test
  void kms400_forMacRequestsAndHmacKeysInOtherOperations() {
    String hmac =
        api.kms("create-key", "{\"key_alias\":\"openapi-err-hmac\",\"key_spec\":\"HMAC_SM3\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    String generate = "{\"key_id\":\"%s\",\"mac_algorithm\":\"%s\",\"message\":\"bQ==\"}";
    assertThat(api.kms("generate-mac", generate.formatted(hmac, "HMAC_SHA_256")).errorCode())
        .isEqualTo("KMS.0308");
    String verify = "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SM3\",\"message\":\"bQ==\"}";
    assertThat(api.kms("verify-mac", verify.formatted(hmac)).errorCode()).isEqualTo("KMS.0204");
    String unknown = "00000000-0000-4000-8000-000000000000";
    assertThat(api.kms("generate-mac", generate.formatted(unknown, "HMAC_SM3")).errorCode())
        .isEqualTo("KMS.0207");
    String encrypt = "{\"key_id\":\"%s\",\"plain_text\":\"p\"}";
    assertThat(api.kms("encrypt-data", encrypt.formatted(hmac)).errorCode()).isEqualTo("KMS.0341");
  }

  @Test
  void emulatorClock400_forMissingOrBadFields() {
    String clock = "/keyloom/v1/clock";
    assertThat(api.call("POST", clock, "{}", Map.of()).errorCode()).isEqualTo("KMS.0204");
    assertThat(api.call("POST", clock, "{\"advance\":\"8w\"}", Map.of()).errorCode())
        .isEqualTo("KMS.0308");
  }

  @Test
  void gateway401_withoutCredentialsOrWithABadSignature() {
    Http.Response none = api.call("POST", CREATE_KEY, "{\"key_alias\":\"a\"}", Map.of());
    assertThat(none.status()).isEqualTo(401);
    Http.Response forged =
        api.call(
            "POST",
            CREATE_KEY,
            "{\"key_alias\":\"a\"}",
            Map.of("Authorization", BAD_SIGNATURE, "X-Sdk-Date", "20260101T000000Z"));
    assertThat(forged.errorCode()).isEqualTo("APIGW.0301");
    api.call("GET", "/v1.0/{project_id}/kms/user-quotas", null, Map.of());
  }

  @Test
  void kms403_forAnotherProjectOrABadToken() {
    String otherProject = "/v1.0/" + TestServer.PROJECT_2_ID + "/kms/create-key";
    Http.Response r = api.call("POST", CREATE_KEY, otherProject, "{\"key_alias\":\"a\"}", token());
    assertThat(r.errorCode()).isEqualTo("KMS.0321");
    Http.Response bad = api.call("POST", ENCRYPT, "{}", Map.of("X-Auth-Token", api.token() + "x"));
    assertThat(bad.status()).isEqualTo(403);
  }

  @Test
  void kms400_forEachImportOperation() {
    String created =
        api.kms("create-key", "{\"key_alias\":\"openapi-errors-kms\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    String params = "{\"key_id\":\"%s\",\"wrapping_algorithm\":\"SM2_ENCRYPT\"}";
    assertThat(api.kms("get-parameters-for-import", params.formatted(created)).errorCode())
        .isEqualTo("KMS.0309");
    String forged =
        "{\"key_id\":\"%s\",\"import_token\":\"%s\",\"encrypted_key_material\":\"AAAA\"}"
            .formatted(created, "A".repeat(300));
    assertThat(api.kms("import-key-material", forged).errorCode()).isEqualTo("KMS.0309");
    String keyId = "{\"key_id\":\"" + created + "\"}";
    assertThat(api.kms("delete-imported-key-material", keyId).errorCode()).isEqualTo("KMS.0309");
  }

  @Test
  void aliasErrors_validate() {
    String aliases = "/v1.0/{project_id}/kms/aliases";
    String unknown = "00000000-0000-4000-8000-000000000000";
    String create = "{\"key_id\":\"" + unknown + "\",\"alias\":\"bad\"}";
    assertThat(api.call("POST", aliases, create, token()).errorCode()).isEqualTo("KMS.1101");
    String missing = "{\"key_id\":\"" + unknown + "\",\"alias\":\"alias/x\"}";
    assertThat(api.call("POST", aliases, missing, token()).errorCode()).isEqualTo("KMS.0207");
    String path = aliases.replace("{project_id}", TestServer.PROJECT_ID) + "?limit=0";
    assertThat(api.call("GET", aliases, path, null, token()).errorCode()).isEqualTo("KMS.1601");
    String delete = "{\"key_id\":\"" + unknown + "\",\"aliases\":[\"alias/x\"]}";
    assertThat(api.call("DELETE", aliases, delete, token()).errorCode()).isEqualTo("KMS.0207");
    String move = "{\"alias\":\"alias/x\"}";
    assertThat(api.kms("alias/associate", move).errorCode()).isEqualTo("KMS.0204");
    assertThat(api.kms("encrypt-data", "{\"key_id\":\"alias/none\",\"plain_text\":\"x\"}").status())
        .isEqualTo(404);
  }

  @Test
  void kms400And404_forTagOperations() {
    assertThat(api.kms("resource_instances/action", "{}").errorCode()).isEqualTo("KMS.0404");
    String keyId =
        api.kms("create-key", "{\"key_alias\":\"openapi-tag-errors\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    String tags = "/v1.0/" + TestServer.PROJECT_ID + "/kms/" + keyId + "/tags";
    Map<String, String> auth = Map.of("X-Auth-Token", api.token());
    String template = "/v1.0/{project_id}/kms/{key_id}/tags";
    String bad = "{\"tag\":{\"key\":\"a=b\"}}";
    assertThat(api.call("POST", template, tags, bad, auth).errorCode()).isEqualTo("KMS.0406");
    Http.Response missing = api.call("DELETE", template + "/{key}", tags + "/none", null, auth);
    assertThat(missing.errorCode()).isEqualTo("KMS.0416");
  }

  @Test
  void kms404_forAnUnknownKey() {
    String unknown = "{\"key_id\":\"00000000-0000-4000-8000-000000000000\"}";
    assertThat(api.kms("describe-key", unknown).errorCode()).isEqualTo("KMS.0207");
  }

  @Test
  void anyPath_404And405And413_validateAgainstTheirComponents() {
    assertThat(api.unrouted("GET", "/v2", null, "NotFound").status()).isEqualTo(404);
    String createKey = "/v1.0/" + TestServer.PROJECT_ID + "/kms/create-key";
    assertThat(api.unrouted("GET", createKey, null, "MethodNotAllowed").status()).isEqualTo(405);
    String big = "{\"plain_text\":\"" + "x".repeat(70_000) + "\"}";
    assertThat(api.call("POST", ENCRYPT, big, token()).errorCode()).isEqualTo("KMS.0203");
    assertThat(api.call("POST", TOKENS, big, Map.of()).status()).isEqualTo(413);
  }

  @Test
  void anyPath_414And431_validateAgainstTheirComponents() {
    String longPath = "/" + "a".repeat(5000);
    assertThat(api.unrouted("GET", longPath, null, "UriTooLong").status()).isEqualTo(414);
    Map<String, String> huge = Map.of("X-Padding", "p".repeat(9000));
    assertThat(api.unrouted("GET", "/health", null, huge, "HeadersTooLarge").status())
        .isEqualTo(431);
  }

  @Test
  void keystoneErrors_onTheIamRoutes() {
    assertThat(api.call("POST", TOKENS, "{}", Map.of()).status()).isEqualTo(400);
    assertThat(api.call("POST", TOKENS, login("nobody", "wrong"), Map.of()).status())
        .isEqualTo(401);
    assertThat(api.call("GET", "/v3/projects", null, Map.of()).status()).isEqualTo(401);
    Map<String, String> forged =
        Map.of("Authorization", BAD_SIGNATURE, "X-Sdk-Date", "20260101T000000Z");
    assertThat(api.call("GET", "/v3/projects", null, forged).errorCode()).isEqualTo("APIGW.0301");
    String policy =
        "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"policy\":{\"Version\":\"1.1\"}}}}";
    String securityTokens = "/v3.0/OS-CREDENTIAL/securitytokens";
    assertThat(api.call("POST", securityTokens, policy, token()).status()).isEqualTo(400);
    assertThat(api.call("POST", securityTokens, "{}", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void gateway429_afterTooManyFailedLoginsFromOneAddress() {
    try {
      int status = 0;
      for (int i = 0; i < 25 && status != 429; i++) {
        status = api.call("POST", TOKENS, login("sprayed-" + i, "wrong"), Map.of()).status();
      }
      assertThat(status).isEqualTo(429);
    } finally {
      server.clock().advance(Duration.ofMinutes(16)); // the address is no longer throttled
    }
  }

  @Test
  void kms503_whileTheStoreCannotWrite() throws InterruptedException {
    server.simulateDiskFull(true);
    try {
      Http.Response full = null;
      for (int i = 0; i < 500 && (full == null || full.status() == 200); i++) {
        full = api.kms("create-key", "{\"key_alias\":\"openapi-full-" + i + "\"}");
      }
      assertThat(full.errorCode()).isEqualTo("KMS.0104");
      assertThat(api.call("GET", "/ready", null, Map.of()).status()).isEqualTo(503);
      Http.Response health = api.call("GET", "/health", null, Map.of());
      assertThat(health.json().path("store").asText()).isEqualTo("DOWN");
    } finally {
      server.simulateDiskFull(false);
    }
    for (int i = 0; i < 100 && api.call("GET", "/ready", null, Map.of()).status() != 200; i++) {
      Thread.sleep(50); // the store recovers on its own; later tests need it
    }
  }
}
