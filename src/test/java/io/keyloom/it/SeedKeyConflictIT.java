package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.b64;
import static io.keyloom.it.SeedYaml.key;
import static io.keyloom.it.SeedYaml.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seed that contradicts the keys a data dir holds stops the start with one line naming the file,
 * line, column and field, before anything is written, and never shows material.
 */
class SeedKeyConflictIT {
  static final String AES = "a0a1b2c3-d4e5-4f60-8172-839405a6b7c8";
  static final String SM2 = "b1b2c3d4-e5f6-4071-8283-94a516b7c8d9";
  static final String GIVEN = "c2c3d4e5-f607-4182-9394-a5b627c8d9ea";
  static final String NEW = "d3d4e5f6-0718-4293-a4a5-b6c738d9eafb";
  static final String MATERIAL = b64(ClientCrypto.randomBytes(32));
  static final String OTHER_MATERIAL = b64(ClientCrypto.randomBytes(32));
  static final String SEED = seed("");

  TestServer server;

  static String seed(String extra) {
    return SeedYaml.seed(
        key(AES, "conflict-aes"),
        key(SM2, "conflict-sm2", "spec: SM2"),
        key(GIVEN, "conflict-given", "material: " + MATERIAL) + extra);
  }

  @BeforeEach
  void start() {
    server = TestServer.startWithSeed(SEED);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The start error of {@code seed}, after which the original seed starts again. */
  String refused(String seed) {
    Throwable e = null;
    try {
      server.restartWithSeed(seed);
    } catch (IllegalStateException thrown) {
      e = thrown.getCause();
    }
    assertThat(e).as("start must fail").isNotNull();
    server.restartWithSeed(SEED);
    return e.getMessage();
  }

  String at(String seed, String needle, int column, String path) {
    return "seed file "
        + server.seedFile()
        + " line "
        + lineOf(seed, needle)
        + " column "
        + column
        + " (domains[0].projects[0].keys["
        + path;
  }

  Http.Response call(String op, String body) {
    Http http = new Http(server.endpoint());
    String token =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    return http.kms(token, TestServer.PROJECT_ID, op, body);
  }

  @Test
  void otherSpec_isRefusedAtTheSpecField() {
    String seed = SEED.replace("alias: conflict-aes", "alias: conflict-aes\n            spec: SM4");
    assertThat(refused(seed))
        .isEqualTo(
            at(seed, "spec: SM4", 19, "0].spec): key ") + AES + " exists with key spec AES_256");
  }

  @Test
  void otherUsage_isRefused() {
    String seed = SEED.replace("spec: SM2", "spec: SM2\n            usage: ENCRYPT_DECRYPT");
    assertThat(refused(seed))
        .isEqualTo(
            at(seed, "usage: ENCRYPT", 20, "1].usage): key ")
                + SM2
                + " exists with key usage SIGN_VERIFY");
  }

  @Test
  void otherMaterial_isRefused_withoutShowingEitherMaterial() {
    String seed = SEED.replace(MATERIAL, OTHER_MATERIAL);
    String message = refused(seed);
    assertThat(message)
        .isEqualTo(
            at(seed, "material: ", 23, "2].material): key ")
                + GIVEN
                + " exists with other material, which cannot change")
        .doesNotContain(MATERIAL.substring(0, 8))
        .doesNotContain(OTHER_MATERIAL.substring(0, 8));
  }

  @Test
  void materialAddedToAKeyMadeWithout_isRefused() {
    String seed =
        SEED.replace(
            "alias: conflict-aes", "alias: conflict-aes\n            material: " + MATERIAL);
    assertThat(refused(seed)).contains("(domains[0].projects[0].keys[0].material): key " + AES);
  }

  @Test
  void aliasOfAnotherKey_isRefused_andNamesThatKey() {
    Http.Response created = call("create-key", "{\"key_alias\":\"made-by-api\"}");
    String other = created.json().path("key_info").path("key_id").asText();
    String seed = seed(key(NEW, "made-by-api"));
    assertThat(refused(seed))
        .isEqualTo(
            at(seed, "alias: made-by-api", 20, "3].alias): key alias is already used by key ")
                + other);
  }

  @Test
  void idInAnotherProject_isRefused() {
    String seed =
        SeedYaml.seed(
            List.of(
                key(SM2, "conflict-sm2", "spec: SM2"),
                key(GIVEN, "conflict-given", "material: " + MATERIAL)),
            List.of(key(AES, "conflict-aes")));
    assertThat(refused(seed))
        .endsWith(" (domains[0].projects[1].keys[0].id): key id already exists in another project");
  }

  @Test
  void conflict_isFoundBeforeAnythingIsWritten() {
    String seed =
        seed(key(NEW, "would-be-new"))
            .replace("alias: conflict-aes", "alias: conflict-aes\n            spec: SM4");
    seed =
        seed.replace(
            "    users:\n", "    users:\n      - name: carol\n        password: Carol-Passw0rd!\n");
    assertThat(refused(seed)).contains("keys[0].spec");
    Http.Response r = call("describe-key", "{\"key_id\":\"" + NEW + "\"}");
    assertThat(r.errorCode()).as("the new key was not created").isEqualTo("KMS.0207");
    String login =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"carol",\
        "password":"Carol-Passw0rd!","domain":{"name":"acme"}}}},\
        "scope":{"project":{"name":"cn-north-4"}}}}""";
    assertThat(
            new Http(server.endpoint()).post("/v3/auth/tokens", login, java.util.Map.of()).status())
        .as("the new user was not created")
        .isEqualTo(401);
  }
}
