package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.SeedYaml.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed keys across restarts: idempotent, generated material kept, the seed the truth for alias,
 * description and state.
 */
class SeedKeyRestartIT {
  static final String AES = "7e7bdd27-fe9e-4e6d-8ade-0fb2ce4b1ae6";
  static final String EC = "8f8cee38-0faf-4f7e-9bef-10c3df5c2bf7";
  static final String GIVEN = "9a9dff49-1ab0-4a8f-8cf0-21d4e06d3c08";
  static final String SEED =
      SeedYaml.seed(
          key(AES, "gen-aes"),
          key(EC, "gen-ec", "spec: EC_P256", "state: Disabled"),
          key(GIVEN, "given-aes", "material: " + b64(ClientCrypto.randomBytes(32))));

  TestServer server;
  Http http;

  @BeforeEach
  void start() {
    server = TestServer.startWithSeed(SEED);
    http = new Http(server.endpoint());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  Http.Response call(String op, String body) {
    http = new Http(server.endpoint());
    String token =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    return http.kms(token, TestServer.PROJECT_ID, op, body);
  }

  JsonNode describe(String keyId) {
    Http.Response r = call("describe-key", "{\"key_id\":\"" + keyId + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("key_info");
  }

  String encrypt(String keyId) {
    Http.Response r = call("encrypt-data", "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"x\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("cipher_text").asText();
  }

  Http.Response decrypt(String cipher) {
    return call("decrypt-data", "{\"cipher_text\":\"" + cipher + "\"}");
  }

  @Test
  void restart_leavesSeededKeysAlone_andKeepsGeneratedMaterial() {
    String cipher = encrypt(AES);
    JsonNode before = describe(AES);
    server.restart();
    server.restart();
    assertThat(decrypt(cipher).json().path("plain_text").asText()).isEqualTo("x");
    assertThat(describe(AES)).isEqualTo(before); // creation date included: not made anew
  }

  @Test
  void declaredState_isHonoured_andRestoredAtRestart() {
    assertThat(describe(EC).path("key_state").asText()).isEqualTo("3");
    Http.Response refused =
        call(
            "sign",
            "{\"key_id\":\"%s\",\"signing_algorithm\":\"ECDSA_SHA_256\",\"message\":\"%s\"}"
                .formatted(EC, b64(new byte[32])));
    assertThat(refused.errorCode()).isEqualTo("KMS.0209");

    assertThat(call("disable-key", "{\"key_id\":\"" + AES + "\"}").status()).isEqualTo(200);
    assertThat(
            call("schedule-key-deletion", "{\"key_id\":\"" + GIVEN + "\",\"pending_days\":\"7\"}")
                .status())
        .isEqualTo(200);
    server.restart();
    assertThat(describe(AES).path("key_state").asText()).isEqualTo("2");
    assertThat(describe(GIVEN).path("key_state").asText()).isEqualTo("2");
    assertThat(describe(GIVEN).path("scheduled_deletion_date").asText()).isEmpty();

    server.restartWithSeed(SEED.replace("state: Disabled", "state: Enabled"));
    assertThat(describe(EC).path("key_state").asText()).isEqualTo("2");
  }

  @Test
  void changedAliasAndDescription_followTheSeed() {
    String cipher = encrypt(AES);
    server.restartWithSeed(
        SEED.replace(
            "alias: gen-aes", "alias: renamed-aes\n            description: \"now described\""));
    JsonNode info = describe(AES);
    assertThat(info.path("key_alias").asText()).isEqualTo("renamed-aes");
    assertThat(info.path("key_description").asText()).isEqualTo("now described");
    assertThat(decrypt(cipher).status()).isEqualTo(200);
  }

  @Test
  void destroyedSeedKey_withGivenMaterial_comesBackAndOpensOldCiphertexts() {
    String cipher = encrypt(GIVEN);
    assertThat(
            call("schedule-key-deletion", "{\"key_id\":\"" + GIVEN + "\",\"pending_days\":\"7\"}")
                .status())
        .isEqualTo(200);
    server.clock().advance(java.time.Duration.ofDays(8));
    assertThat(server.sweepDeletions()).isEqualTo(1);
    assertThat(decrypt(cipher).status()).isEqualTo(404);
    server.restart();
    assertThat(decrypt(cipher).json().path("plain_text").asText()).isEqualTo("x");
  }

  @Test
  void keyDeclaredWithoutMaterial_differsOnAnotherDataDir() {
    String cipher = encrypt(AES);
    try (TestServer other = TestServer.startWithSeed(SEED)) {
      Http h = new Http(other.endpoint());
      String token =
          h.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      Http.Response r =
          h.kms(
              token, TestServer.PROJECT_ID, "decrypt-data", "{\"cipher_text\":\"" + cipher + "\"}");
      assertThat(r.status()).as("random material, made on each data dir").isEqualTo(400);
    }
  }

  @Test
  void seededKeys_countTowardTheQuota_butAreNeverRefusedByIt() {
    try (TestServer small = TestServer.start(2)) {
      small.restartWithSeed(SEED); // three seeded keys, quota 2: the start succeeds
      Http h = new Http(small.endpoint());
      String token =
          h.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      JsonNode cmk =
          h.send(
                  "GET",
                  "/v1.0/" + TestServer.PROJECT_ID + "/kms/user-quotas",
                  null,
                  java.util.Map.of("X-Auth-Token", token))
              .json()
              .path("quotas")
              .path("resources")
              .get(0);
      assertThat(cmk.path("used").asInt()).isEqualTo(3);
      Http.Response create =
          h.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"one-more\"}");
      assertThat(create.errorCode()).isEqualTo("KMS.1105");
    }
  }
}
