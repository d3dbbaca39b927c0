package io.keyloom.it;

import static io.keyloom.it.AdminCommandIT.admin;
import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /keyloom/v1/reset}: every key of every project gone at once (cached ones too),
 * identities back to the seed, failed logins forgotten, clock back to the real time
 * (docs/emulator.md).
 */
class EmulatorResetIT extends ServerIT {
  static Http.Response reset() {
    return http.post("/keyloom/v1/reset", null, Map.of());
  }

  static int count(String table) {
    return Integer.parseInt(StoreFiles.query(server, "SELECT COUNT(*) FROM " + table).get(0));
  }

  @Test
  void aWebPage_cannotResetOrMoveTheClock() {
    KmsClient alice = Sdk.alice(server);
    String key = LifecycleCalls.create(alice);
    long now = http.send("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    // What a cross-site form or fetch (or a DNS-rebound page) sends: an Origin header.
    Map<String, String> page = Map.of("Origin", "http://evil.example");
    for (Http.Response r :
        new Http.Response[] {
          http.post("/keyloom/v1/reset", null, page),
          http.post("/keyloom/v1/clock", "{\"advance\":\"8d\"}", page),
          http.post("/keyloom/v1/faults", "{\"operation\":\"sign\",\"status\":500}", page),
          http.send("GET", "/keyloom/v1/clock", null, page)
        }) {
      assertThat(r.status()).as(r.text()).isEqualTo(403);
      assertThat(r.errorCode()).isEqualTo("KMS.0307");
    }
    assertThat(LifecycleCalls.describe(alice, key)).as("the key survived").isNotNull();
    assertThat(http.send("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong())
        .as("the clock did not move 8 days")
        .isLessThan(now + 86_400_000L);
    assertThat(http.send("GET", "/keyloom/v1/faults", null, Map.of()).json().toString())
        .doesNotContain("sign");
  }

  @Test
  void reset_destroysEveryKeyOfEveryProject_cachedOnesToo() {
    KmsClient alice = Sdk.alice(server);
    KmsClient bob = Sdk.bob(server);
    String aliceKey = LifecycleCalls.create(alice);
    String cipher = Keys.encrypt(alice, aliceKey, null, "cached").getCipherText();
    AliasIT.create(alice, aliceKey, "alias/reset");
    Keys.encrypt(alice, "alias/reset", null, "cached alias");
    String pending = LifecycleCalls.create(alice);
    LifecycleCalls.schedule(alice, pending, "30");
    String bobKey = LifecycleCalls.create(bob);
    Keys.encrypt(bob, bobKey, null, "cached too");
    String material = StoreFiles.material(server, aliceKey).get(0);
    int keys = count("cmks");
    assertThat(keys).isGreaterThanOrEqualTo(3);

    Http.Response r = reset();
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().path("keys_deleted").asInt()).isEqualTo(keys);
    // At once, well within the key cache's metadata lifetime: the cache was emptied too.
    assertKmsError(() -> Keys.encrypt(alice, aliceKey, null, "x"), 404, "KMS.0207");
    assertKmsError(() -> Keys.encrypt(bob, bobKey, null, "x"), 404, "KMS.0207");
    assertKmsError(() -> Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", cipher), 404, "KMS.0207");
    assertKmsError(() -> LifecycleCalls.describe(alice, pending), 404, "KMS.0207");
    assertThat(count("cmks")).isZero();
    assertThat(count("cmk_versions")).isZero();
    assertThat(count("kms_aliases")).isZero();
    assertKmsError(() -> Keys.encrypt(alice, "alias/reset", null, "x"), 404, "KMS.0207");
    assertThat(StoreFiles.anyFileContains(server, material))
        .as("no copy of the wrapped material in the database file or its log")
        .isFalse();
    assertThat(reset().json().path("keys_deleted").asInt()).isZero();
    assertThat(LifecycleCalls.create(alice)).as("keys can be made again").hasSize(36);
  }

  @Test
  void reset_removesIdentitiesTheSeedDoesNotDeclare_andKeepsSeededOnes() {
    Assumptions.assumeFalse(
        TestDatabases.postgres(),
        "the in-JVM admin command cannot take KEYLOOM_DB_PASSWORD (docs/testing.md)");
    // Identities made with the admin command, and used (so cached) by the running server.
    assertThat(admin("create-domain", "initech").exit()).isZero();
    assertThat(admin("create-project", "--domain", "initech", "eu-west-0").exit()).isZero();
    String peterPassword = admin("create-user", "--domain", "initech", "peter").field("password");
    AdminCommandIT.Run carol = admin("create-user", "--domain", "acme", "carol");
    String carolPassword = carol.field("password");
    AdminCommandIT.Run extra =
        admin("create-access-key", "--domain", "acme", "--user", TestServer.USER);
    KmsClient aliceExtra =
        Sdk.client(
            server, extra.field("access_key"), extra.field("secret_key"), TestServer.PROJECT_ID);
    assertThat(LifecycleCalls.create(aliceExtra)).hasSize(36);
    String carolToken = http.token("acme", "carol", carolPassword, TestServer.PROJECT);
    assertThat(http.kms(carolToken, TestServer.PROJECT_ID, "list-keys", "{}").status())
        .isEqualTo(200);
    KmsClient carolTemporary = temporary(carolToken);
    assertThat(LifecycleCalls.create(carolTemporary)).hasSize(36);
    assertThat(http.token("initech", "peter", peterPassword, "eu-west-0")).isNotBlank();

    assertThat(reset().status()).isEqualTo(200);

    assertThat(admin("list-domains").out()).contains("acme", "globex").doesNotContain("initech");
    assertThat(admin("list-users").out()).contains("alice", "bob").doesNotContain("carol");
    assertThat(admin("list-access-keys").out())
        .contains(TestServer.AK, TestServer.OTHER_AK)
        .doesNotContain(extra.field("access_key"));
    assertKmsError(() -> LifecycleCalls.create(aliceExtra), 401, "APIGW.0301");
    assertKmsError(() -> LifecycleCalls.create(carolTemporary), 401, "APIGW.0301");
    assertThat(http.kms(carolToken, TestServer.PROJECT_ID, "list-keys", "{}").status())
        .as("a removed user's token")
        .isEqualTo(403);
    Http.Response peter =
        http.post("/v3/auth/tokens", loginBody("initech", "peter", peterPassword), Map.of());
    assertThat(peter.status()).as("a removed user cannot log in").isEqualTo(401);
    // Seeded identities keep their ids: tokens issued before the reset stay valid.
    assertThat(call("list-keys", "{}").status()).isEqualTo(200);
    assertThat(LifecycleCalls.create(Sdk.alice(server))).hasSize(36);
    assertThat(LifecycleCalls.create(Sdk.bob(server))).hasSize(36);
  }

  static String loginBody(String domain, String user, String password) {
    return """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"%s"}}}}}}"""
        .formatted(user, password, domain);
  }

  /** An SDK client with temporary credentials issued for the holder of {@code token}. */
  static KmsClient temporary(String token) {
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],"
                + "\"token\":{\"duration_seconds\":900}}}}",
            Map.of("X-Auth-Token", token));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    JsonNode c = r.json().path("credential");
    return KmsClient.newBuilder()
        .withCredential(
            new BasicCredentials()
                .withAk(c.path("access").asText())
                .withSk(c.path("secret").asText())
                .withSecurityToken(c.path("securitytoken").asText())
                .withProjectId(TestServer.PROJECT_ID))
        .withEndpoints(List.of(server.endpoint()))
        .build();
  }

  @Test
  void reset_forgetsFailedLogins_andPutsTheClockBack() {
    for (int i = 0; i < 5; i++) {
      EmulatorClockIT.login("wrong-password");
    }
    assertThat(EmulatorClockIT.login(TestServer.PASSWORD).status()).as("locked").isEqualTo(401);
    http.post("/keyloom/v1/clock", "{\"advance\":\"30d\"}", Map.of());

    assertThat(reset().status()).isEqualTo(200);

    assertThat(EmulatorClockIT.login(TestServer.PASSWORD).status()).isEqualTo(201);
    long now = http.send("GET", "/keyloom/v1/clock", null, Map.of()).json().path("now").asLong();
    assertThat(now - server.clock().millis()).isLessThan(Duration.ofMinutes(1).toMillis());
  }
}
