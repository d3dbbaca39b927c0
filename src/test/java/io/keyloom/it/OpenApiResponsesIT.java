package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Successful answers of every operation, from a real server, validate against openapi.json: status,
 * X-Request-Id and body, with no undocumented field (docs/openapi.md). The requests the tests send
 * validate against the documented request schemas too.
 */
class OpenApiResponsesIT {
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

  static String createKey(String alias, String spec, String usage) {
    String body =
        "{\"key_alias\":\"%s\",\"key_spec\":\"%s\",\"key_usage\":\"%s\",\"key_description\":\"d\"}"
            .formatted(alias, spec, usage);
    return api.kms("create-key", body).json().at("/key_info/key_id").asText();
  }

  static JsonNode kms(String operation, String body) {
    Http.Response r = api.kms(operation, body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json();
  }

  static String keyId(String id) {
    return "{\"key_id\":\"" + id + "\"}";
  }

  @Test
  void serviceAndVersionRoutes_validate() {
    for (String path :
        new String[] {"/health", "/metrics", "/ready", "/", "/v1.0", "/openapi.json"}) {
      assertThat(api.call("GET", path, null, Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void emulatorControls_validate() {
    long now = api.call("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    Http.Response moved = api.call("POST", "/keyloom/v1/clock", "{\"advance\":\"1s\"}", Map.of());
    assertThat(moved.json().path("now").asLong()).isGreaterThanOrEqualTo(now + 1000);
    assertThat(api.call("POST", "/keyloom/v1/clock", "{\"set\":" + now + "}", Map.of()).status())
        .isEqualTo(200);
    // Last: the reset also puts the clock back.
    assertThat(api.call("POST", "/keyloom/v1/reset", null, Map.of()).status()).isEqualTo(200);
  }

  @Test
  void iamRoutes_validate() {
    String scoped =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice",\
        "password":"Alice-Passw0rd!","domain":{"name":"acme"}}}},"scope":{"%s":{"name":"%s"}}}}""";
    Http.Response project =
        api.call("POST", "/v3/auth/tokens", scoped.formatted("project", "cn-north-4"), Map.of());
    assertThat(project.status()).isEqualTo(201);
    Http.Response domain =
        api.call("POST", "/v3/auth/tokens", scoped.formatted("domain", "acme"), Map.of());
    assertThat(domain.json().at("/token/domain/name").asText()).isEqualTo("acme");
    Map<String, String> token = Map.of("X-Auth-Token", api.token());
    assertThat(api.call("GET", "/v3/projects", null, token).json().get("projects")).hasSize(2);
    Http.Response one =
        api.call("GET", "/v3/projects", "/v3/projects?name=cn-south-1", null, token);
    assertThat(one.json().get("projects")).hasSize(1);
    String temporary =
        "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"duration_seconds\":900}}}}";
    Http.Response credential =
        api.call("POST", "/v3.0/OS-CREDENTIAL/securitytokens", temporary, token);
    assertThat(credential.status()).isEqualTo(201);
  }

  @Test
  void keyLifecycle_validates() {
    String id = createKey("openapi-life", "AES_256", "ENCRYPT_DECRYPT");
    assertThat(kms("describe-key", keyId(id)).at("/key_info/key_state").asText()).isEqualTo("2");
    kms("list-keys", "{\"limit\":\"1\",\"key_spec\":\"ALL\"}");
    kms("list-keys", "{}");
    assertThat(kms("disable-key", keyId(id)).at("/key_info/key_state").asText()).isEqualTo("3");
    kms("enable-key", keyId(id));
    kms("update-key-alias", "{\"key_id\":\"" + id + "\",\"key_alias\":\"openapi-life-2\"}");
    kms("update-key-description", "{\"key_id\":\"" + id + "\",\"key_description\":\"\"}");
    String schedule = "{\"key_id\":\"" + id + "\",\"pending_days\":\"7\"}";
    assertThat(kms("schedule-key-deletion", schedule).path("key_state").asText()).isEqualTo("4");
    kms("describe-key", keyId(id)); // scheduled_deletion_date set
    kms("cancel-key-deletion", keyId(id));
    Map<String, String> token = Map.of("X-Auth-Token", api.token());
    api.call("GET", "/v1.0/{project_id}/kms/user-instances", null, token);
    api.call("GET", "/v1.0/{project_id}/kms/user-quotas", null, token);
  }

  @Test
  void aliases_validate() {
    String id = createKey("openapi-aliases", "AES_256", "ENCRYPT_DECRYPT");
    String other = createKey("openapi-aliases-2", "AES_256", "ENCRYPT_DECRYPT");
    String aliases = "/v1.0/{project_id}/kms/aliases";
    Map<String, String> auth = Map.of("X-Auth-Token", api.token());
    String create = "{\"key_id\":\"" + id + "\",\"alias\":\"alias/openapi\"}";
    assertThat(api.call("POST", aliases, create, auth).status()).isEqualTo(201);
    String path = aliases.replace("{project_id}", TestServer.PROJECT_ID) + "?limit=1&key_id=" + id;
    assertThat(api.call("GET", aliases, path, null, auth).json().isArray()).isTrue();
    String move = "{\"alias\":\"alias/openapi\",\"target_key_id\":\"" + other + "\"}";
    kms("alias/associate", move);
    kms("describe-key", keyId("alias/openapi"));
    String delete = "{\"key_id\":\"" + other + "\",\"aliases\":[\"alias/openapi\"]}";
    assertThat(api.call("DELETE", aliases, delete, auth).status()).isEqualTo(204);
  }

  @Test
  void keyRotation_validates() {
    String id = createKey("openapi-rotation", "AES_256", "ENCRYPT_DECRYPT");
    kms("get-key-rotation-status", keyId(id)); // never rotated: last_rotation_time empty
    kms("enable-key-rotation", keyId(id));
    kms("update-key-rotation-interval", "{\"key_id\":\"" + id + "\",\"rotation_interval\":30}");
    long now = api.call("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    assertThat(api.call("POST", "/keyloom/v1/clock", "{\"advance\":\"31d\"}", Map.of()).status())
        .isEqualTo(200); // the sweep run by the move rotates the key
    // Back, so that the token stays valid for this class's other tests.
    assertThat(api.call("POST", "/keyloom/v1/clock", "{\"set\":" + now + "}", Map.of()).status())
        .isEqualTo(200);
    JsonNode status = kms("get-key-rotation-status", keyId(id));
    assertThat(status.path("number_of_rotations").asInt()).isEqualTo(1);
    kms("disable-key-rotation", keyId(id));
  }

  @Test
  void symmetricAndAsymmetricEncryption_validate() {
    String aes = createKey("openapi-aes", "AES_256", "ENCRYPT_DECRYPT");
    String cipher =
        kms(
                "encrypt-data",
                "{\"key_id\":\"%s\",\"plain_text\":\"hello\",\"additional_authenticated_data\":\"a\"}"
                    .formatted(aes))
            .path("cipher_text")
            .asText();
    kms(
        "decrypt-data",
        "{\"cipher_text\":\"%s\",\"additional_authenticated_data\":\"a\"}".formatted(cipher));
    String rsa = createKey("openapi-rsa", "RSA_2048", "ENCRYPT_DECRYPT");
    kms("get-publickey", keyId(rsa));
    String oaep = "\"encryption_algorithm\":\"RSAES_OAEP_SHA_256\"";
    String rsaCipher =
        kms("encrypt-data", "{\"key_id\":\"%s\",\"plain_text\":\"hi\",%s}".formatted(rsa, oaep))
            .path("cipher_text")
            .asText();
    JsonNode plain =
        kms(
            "decrypt-data",
            "{\"key_id\":\"%s\",\"cipher_text\":\"%s\",%s}".formatted(rsa, rsaCipher, oaep));
    assertThat(plain.path("plain_text").asText()).isEqualTo("hi");
  }

  @Test
  void generateAndVerifyMac_validate() {
    String hmac = createKey("openapi-hmac", "HMAC_384", "GENERATE_VERIFY_MAC");
    assertThat(kms("describe-key", keyId(hmac)).at("/key_info/key_type").asText()).isEqualTo("3");
    String message = Base64.getEncoder().encodeToString("m".getBytes(StandardCharsets.UTF_8));
    String generate = "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SHA_384\",\"message\":\"%s\"}";
    String mac = kms("generate-mac", generate.formatted(hmac, message)).path("mac").asText();
    String verify =
        "{\"key_id\":\"%s\",\"mac_algorithm\":\"HMAC_SHA_384\",\"message\":\"%s\",\"mac\":\"%s\"}";
    assertThat(
            kms("verify-mac", verify.formatted(hmac, message, mac)).path("mac_valid").asBoolean())
        .isTrue();
    assertThat(
            kms("verify-mac", verify.formatted(hmac, message, "00")).path("mac_valid").asBoolean())
        .isFalse();
    kms("list-keys", "{\"key_spec\":\"HMAC_384\"}");
  }

  @Test
  void signAndVerify_validate() throws NoSuchAlgorithmException {
    String ec = createKey("openapi-ec", "EC_P256", "SIGN_VERIFY");
    String digest =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256").digest("m".getBytes(StandardCharsets.UTF_8)));
    String sign =
        "{\"key_id\":\"%s\",\"message\":\"%s\",\"signing_algorithm\":\"ECDSA_SHA_256\",\"message_type\":\"DIGEST\"}"
            .formatted(ec, digest);
    String signature = kms("sign", sign).path("signature").asText();
    String verify =
        "{\"key_id\":\"%s\",\"message\":\"%s\",\"signature\":\"%s\",\"signing_algorithm\":\"ECDSA_SHA_256\"}";
    assertThat(
            kms("verify", verify.formatted(ec, digest, signature)).path("signature_valid").asText())
        .isEqualTo("true");
    assertThat(kms("verify", verify.formatted(ec, digest, "MAA=")).path("signature_valid").asText())
        .isEqualTo("false");
  }

  @Test
  void dataKeysAndRandom_validate() throws NoSuchAlgorithmException {
    String aes = createKey("openapi-dek", "AES_256", "ENCRYPT_DECRYPT");
    String cipher =
        kms("create-datakey", "{\"key_id\":\"%s\",\"key_spec\":\"AES_128\"}".formatted(aes))
            .path("cipher_text")
            .asText();
    kms(
        "create-datakey-without-plaintext",
        "{\"key_id\":\"%s\",\"datakey_length\":\"512\"}".formatted(aes));
    byte[] dek = new byte[32];
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(dek);
    String plain = HexFormat.of().formatHex(dek) + HexFormat.of().formatHex(digest);
    kms(
        "encrypt-datakey",
        "{\"key_id\":\"%s\",\"plain_text\":\"%s\",\"datakey_plain_length\":\"32\"}"
            .formatted(aes, plain));
    JsonNode decrypted =
        kms(
            "decrypt-datakey",
            "{\"key_id\":\"%s\",\"cipher_text\":\"%s\",\"datakey_cipher_length\":\"16\"}"
                .formatted(aes, cipher));
    assertThat(decrypted.path("datakey_length").asText()).isEqualTo("16");
    kms("gen-random", "{\"random_data_length\":\"256\"}");
  }

  @Test
  void dataKeyPairs_validate() {
    String aes = createKey("openapi-pair", "AES_256", "ENCRYPT_DECRYPT");
    JsonNode rsa =
        kms(
            "create-rsa-datakey-pair",
            "{\"key_id\":\"%s\",\"key_spec\":\"RSA_2048\"}".formatted(aes));
    assertThat(rsa.has("private_key_plain_text")).isTrue();
    JsonNode ec =
        kms(
            "create-ec-datakey-pair",
            "{\"key_id\":\"%s\",\"key_spec\":\"ECC_NIST_P256\",\"with_plain_text\":false}"
                .formatted(aes));
    assertThat(ec.has("private_key_plain_text")).isFalse();
  }

  @Test
  void importOperations_validate() {
    String body = "{\"key_alias\":\"openapi-byok\",\"origin\":\"external\"}";
    String id = api.kms("create-key", body).json().at("/key_info/key_id").asText();
    String params = "{\"key_id\":\"%s\",\"wrapping_algorithm\":\"RSAES_OAEP_SHA_256\"}";
    JsonNode p = kms("get-parameters-for-import", params.formatted(id));
    String material =
        Byok.wrap(
            ClientCrypto.OAEP_256, p.path("public_key").asText(), ClientCrypto.randomBytes(32));
    String later = Long.toString(p.path("expiration_time").asLong() + 3600);
    String request =
        "{\"key_id\":\"%s\",\"import_token\":\"%s\",\"encrypted_key_material\":\"%s\",\"expiration_time\":%s}"
            .formatted(id, p.path("import_token").asText(), material, later);
    assertThat(kms("import-key-material", request).size()).isZero();
    assertThat(kms("delete-imported-key-material", keyId(id)).size()).isZero();
  }

  @Test
  void tagOperations_validate() {
    String id = createKey("openapi-tags", "AES_256", "ENCRYPT_DECRYPT");
    String key = "/v1.0/{project_id}/kms/{key_id}/tags";
    Map<String, String> auth = Map.of("X-Auth-Token", api.token());
    String tag = "{\"tag\":{\"key\":\"env\",\"value\":\"dev\"}}";
    assertThat(api.call("POST", key, path(key, id), tag, auth).status()).isEqualTo(204);
    String batch = "{\"action\":\"create\",\"tags\":[{\"key\":\"team\"}]}";
    String action = key + "/action";
    assertThat(api.call("POST", action, path(action, id), batch, auth).status()).isEqualTo(204);
    assertThat(api.call("GET", key, path(key, id), null, auth).json().path("existTagsNum").asInt())
        .isEqualTo(2);
    assertThat(api.call("GET", "/v1.0/{project_id}/kms/tags", null, auth).status()).isEqualTo(200);
    String filter = "{\"action\":\"filter\",\"tags\":[{\"key\":\"env\",\"values\":[\"dev\"]}]}";
    assertThat(kms("resource_instances/action", filter).path("total_count").asInt()).isEqualTo(1);
    assertThat(kms("resource_instances/action", "{\"action\":\"count\"}").has("resources"))
        .isFalse();
    String one = key + "/{key}";
    String team = path(key, id) + "/team";
    assertThat(api.call("DELETE", one, team, null, auth).status()).isEqualTo(204);
  }

  private static String path(String template, String keyId) {
    return template.replace("{project_id}", TestServer.PROJECT_ID).replace("{key_id}", keyId);
  }
}
