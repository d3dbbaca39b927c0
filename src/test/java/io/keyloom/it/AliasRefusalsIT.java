package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Aliases over plain HTTP: every refusal with its documented code, and the attacks (another
 * tenant's or project's alias, a URN of another account or region, stale aliases, keys pending
 * deletion or destroyed) (docs/aliases.md).
 */
class AliasRefusalsIT extends ServerIT {
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
  private static String bobToken;
  private static String southToken;

  @BeforeAll
  static void tokens() {
    token = http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    bobToken =
        http.token(
            TestServer.OTHER_DOMAIN,
            TestServer.OTHER_USER,
            TestServer.OTHER_PASSWORD,
            TestServer.PROJECT);
    southToken =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT_2);
  }

  static String newAlias() {
    return "alias/refused-" + SERIAL.incrementAndGet();
  }

  static String key(String token, String projectId) {
    String body = "{\"key_alias\":\"alias-refusals-" + SERIAL.incrementAndGet() + "\"}";
    Http.Response r = http.kms(token, projectId, "create-key", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  static String key() {
    return key(token, TestServer.PROJECT_ID);
  }

  static Http.Response aliases(String method, String query, String body) {
    return http.send(
        method,
        "/v1.0/" + TestServer.PROJECT_ID + "/kms/aliases" + query,
        body,
        Map.of("X-Auth-Token", token));
  }

  static Http.Response create(String token, String projectId, String keyId, String alias) {
    String body = "{\"key_id\":\"" + keyId + "\",\"alias\":\"" + alias + "\"}";
    return http.post("/v1.0/" + projectId + "/kms/aliases", body, Map.of("X-Auth-Token", token));
  }

  static String created(String keyId, String alias) {
    Http.Response r = create(token, TestServer.PROJECT_ID, keyId, alias);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().path("alias_urn").asText();
  }

  static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  static Http.Response encrypt(String token, String projectId, String keyId) {
    String body = "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"x\"}";
    return http.kms(token, projectId, "encrypt-data", body);
  }

  static Http.Response encrypt(String keyId) {
    return encrypt(token, TestServer.PROJECT_ID, keyId);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"test", "alias/", "alias/a b", "alias/ü", "Alias/x", "kms-1234", "alias/x\\u0000"})
  void malformedAliases_are1101(String alias) {
    assertError(create(token, TestServer.PROJECT_ID, key(), alias), 400, "KMS.1101");
  }

  @Test
  void createRefusals_haveTheirCodes() {
    String id = key();
    assertError(
        create(token, TestServer.PROJECT_ID, id, "alias/" + "a".repeat(250)), 400, "KMS.1101");
    created(id, "alias/" + "a".repeat(249));
    assertError(aliases("POST", "", "{\"key_id\":\"" + id + "\"}"), 400, "KMS.0204");
    assertError(create(token, TestServer.PROJECT_ID, "nope", newAlias()), 400, "KMS.0205");
    assertError(create(token, TestServer.PROJECT_ID, UNKNOWN, newAlias()), 404, "KMS.0207");
    String alias = newAlias();
    created(id, alias);
    assertError(create(token, TestServer.PROJECT_ID, key(), alias), 400, "KMS.1104");
  }

  @Test
  void listRefusals_haveTheirCodes() {
    assertError(aliases("GET", "?limit=0", null), 400, "KMS.1601");
    assertError(aliases("GET", "?limit=1001", null), 400, "KMS.1601");
    assertError(aliases("GET", "?limit=abc", null), 400, "KMS.1601");
    assertError(aliases("GET", "?marker=-1", null), 400, "KMS.1602");
    assertError(aliases("GET", "?key_id=bad", null), 400, "KMS.0205");
    assertError(aliases("GET", "?key_id=" + UNKNOWN, null), 404, "KMS.0207");
    Http.Response ok = aliases("GET", "?limit=1", null);
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(ok.json().isArray()).isTrue();
  }

  @Test
  void deleteIsAllOrNothing_andOnlyOfTheNamedKey() {
    String id = key();
    String other = key();
    String mine = newAlias();
    String theirs = newAlias();
    created(id, mine);
    created(other, theirs);
    String body = "{\"key_id\":\"" + id + "\",\"aliases\":[\"" + mine + "\",\"" + theirs + "\"]}";
    assertError(aliases("DELETE", "", body), 404, "KMS.0207");
    assertThat(encrypt(mine).status()).isEqualTo(200);
    assertThat(encrypt(theirs).status()).isEqualTo(200);
    assertError(aliases("DELETE", "", "{\"key_id\":\"" + id + "\"}"), 400, "KMS.0204");
    assertError(aliases("DELETE", "", null), 400, "KMS.0204");
    assertError(
        aliases("DELETE", "", "{\"key_id\":\"" + id + "\",\"aliases\":[]}"), 400, "KMS.0204");
    assertError(
        aliases("DELETE", "", "{\"key_id\":\"" + id + "\",\"aliases\":[\"x\"]}"), 400, "KMS.1101");
    String many = ("\"" + mine + "\",").repeat(101);
    String tooMany = "{\"key_id\":\"" + id + "\",\"aliases\":[" + many + "\"" + mine + "\"]}";
    assertError(aliases("DELETE", "", tooMany), 400, "KMS.0308");
    String once = "{\"key_id\":\"" + id + "\",\"aliases\":[\"" + mine + "\",\"" + mine + "\"]}";
    assertThat(aliases("DELETE", "", once).status()).isEqualTo(204);
    assertError(encrypt(mine), 404, "KMS.0207");
  }

  @Test
  void associateRefusals_haveTheirCodes() {
    String id = key();
    String body = "{\"alias\":\"" + newAlias() + "\",\"target_key_id\":\"" + id + "\"}";
    assertError(call("alias/associate", body), 404, "KMS.0207");
    String alias = newAlias();
    created(id, alias);
    assertError(call("alias/associate", "{\"alias\":\"" + alias + "\"}"), 400, "KMS.0204");
    String unknown = "{\"alias\":\"" + alias + "\",\"target_key_id\":\"" + UNKNOWN + "\"}";
    assertError(call("alias/associate", unknown), 404, "KMS.0207");
    assertThat(encrypt(alias).json().path("key_id").asText()).isEqualTo(id);
  }

  @Test
  void anotherTenantsAlias_neverResolves_andTheNameIsFreeInEachAccount() {
    String bobs = key(bobToken, TestServer.OTHER_PROJECT_ID);
    String alias = newAlias();
    Http.Response r = create(bobToken, TestServer.OTHER_PROJECT_ID, bobs, alias);
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    String bobUrn = r.json().path("alias_urn").asText();
    assertError(encrypt(alias), 404, "KMS.0207");
    assertError(encrypt(bobUrn), 404, "KMS.0207");
    assertError(
        encrypt(bobUrn.replace(bobUrn.split(":")[2], TestServer.DOMAIN_ID)), 404, "KMS.0207");
    String mine = key();
    String myUrn = created(mine, alias);
    assertThat(encrypt(alias).json().path("key_id").asText()).isEqualTo(mine);
    assertError(encrypt(bobToken, TestServer.OTHER_PROJECT_ID, myUrn), 404, "KMS.0207");
    String steal = "{\"alias\":\"" + alias + "\",\"target_key_id\":\"" + mine + "\"}";
    assertError(
        http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "alias/associate", steal), 404, "KMS.0207");
    String delete = "{\"key_id\":\"" + mine + "\",\"aliases\":[\"" + alias + "\"]}";
    Http.Response bobDelete =
        http.send(
            "DELETE",
            "/v1.0/" + TestServer.OTHER_PROJECT_ID + "/kms/aliases",
            delete,
            Map.of("X-Auth-Token", bobToken));
    assertError(bobDelete, 404, "KMS.0207");
    assertThat(encrypt(alias).json().path("key_id").asText()).isEqualTo(mine);
  }

  @Test
  void anotherProjectsAlias_andAUrnOfAnotherRegion_neverResolve() {
    String id = key();
    String alias = newAlias();
    String urn = created(id, alias);
    assertError(encrypt(southToken, TestServer.PROJECT_2_ID, alias), 404, "KMS.0207");
    assertError(encrypt(southToken, TestServer.PROJECT_2_ID, urn), 404, "KMS.0207");
    assertError(encrypt(urn.replace(":cn-north-4:", ":cn-south-1:")), 404, "KMS.0207");
    String south = key(southToken, TestServer.PROJECT_2_ID);
    String move = "{\"alias\":\"" + alias + "\",\"target_key_id\":\"" + south + "\"}";
    assertError(call("alias/associate", move), 404, "KMS.0207");
    assertError(
        encrypt("kms:cn-north-4:" + TestServer.DOMAIN_ID + ":key:" + alias), 400, "KMS.0205");
    assertError(encrypt("kms:" + alias), 400, "KMS.0205");
    assertError(encrypt("alias/a b"), 400, "KMS.0205");
  }

  @Test
  void aKeyPendingDeletion_refusesUseByAlias_andTakesNoAlias_andDestructionDropsItsAliases() {
    String id = key();
    String alias = newAlias();
    created(id, alias);
    call("schedule-key-deletion", "{\"key_id\":\"" + id + "\",\"pending_days\":\"7\"}");
    assertError(encrypt(alias), 400, "KMS.0210");
    assertError(create(token, TestServer.PROJECT_ID, id, newAlias()), 400, "KMS.0210");
    String other = newAlias();
    created(key(), other);
    String move = "{\"alias\":\"" + other + "\",\"target_key_id\":\"" + id + "\"}";
    assertError(call("alias/associate", move), 400, "KMS.0210");
    server.clock().advance(Duration.ofDays(8));
    assertThat(server.sweepDeletions()).isPositive();
    tokens(); // the clock's move expired them
    assertError(encrypt(alias), 404, "KMS.0207");
    assertThat(aliases("GET", "", null).text()).doesNotContain("\"" + alias + "\"");
    created(key(), alias);
    assertThat(encrypt(alias).status()).isEqualTo(200);
  }
}
