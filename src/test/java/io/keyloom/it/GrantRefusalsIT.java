package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grants over plain HTTP: every refusal with its documented code, malformed bodies, principals that
 * must not match anybody, and the per-key limit (docs/grants.md).
 */
class GrantRefusalsIT extends ServerIT {
  private static final AtomicInteger SERIAL = new AtomicInteger();
  static final String UNKNOWN_KEY = "00000000-0000-4000-8000-000000000000";
  static String bobToken;
  static String bobId;
  static String bobDomainId;
  static String key;

  @BeforeAll
  static void setUp() {
    bobToken =
        http.token(
            TestServer.OTHER_DOMAIN,
            TestServer.OTHER_USER,
            TestServer.OTHER_PASSWORD,
            TestServer.PROJECT);
    String login =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"bob",\
        "password":"Bob-Passw0rd!","domain":{"name":"globex"}}}}}}""";
    Http.Response r = http.post("/v3/auth/tokens", login, Map.of());
    bobId = r.json().at("/token/user/id").asText();
    bobDomainId = r.json().at("/token/user/domain/id").asText();
    assertThat(bobId).isNotEmpty();
    assertThat(bobDomainId).isNotEmpty();
    key = newKey();
  }

  static String newKey() {
    String body = "{\"key_alias\":\"grant-refusals-" + SERIAL.incrementAndGet() + "\"}";
    Http.Response r = call("create-key", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  static String createBody(String keyId, String grantee, String operations) {
    return "{\"key_id\":\""
        + keyId
        + "\",\"grantee_principal\":\""
        + grantee
        + "\",\"operations\":"
        + operations
        + "}";
  }

  static String granted(String keyId, String body) {
    Http.Response r = call("create-grant", body);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    String id = r.json().path("grant_id").asText();
    assertThat(id).matches("[0-9a-f]{64}");
    return id;
  }

  static String grantBob(String keyId, String operations) {
    return granted(keyId, createBody(keyId, bobId, operations));
  }

  static String idBody(String keyId, String grantId) {
    return "{\"key_id\":\"" + keyId + "\",\"grant_id\":\"" + grantId + "\"}";
  }

  static Http.Response bobEncrypts(String keyId) {
    return http.kms(
        bobToken,
        TestServer.OTHER_PROJECT_ID,
        "encrypt-data",
        "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"x\"}");
  }

  static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no grantee          | {"operations":["encrypt-data"]}                                      | KMS.0204
          empty grantee       | {"grantee_principal":"","operations":["encrypt-data"]}               | KMS.0204
          65-char grantee     | {"grantee_principal":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","operations":["encrypt-data"]} | KMS.2402
          unicode grantee     | {"grantee_principal":"b\\u00f6b","operations":["encrypt-data"]}      | KMS.2402
          dash in grantee     | {"grantee_principal":"bob-1","operations":["encrypt-data"]}          | KMS.2402
          newline grantee     | {"grantee_principal":"bob\\n","operations":["encrypt-data"]}         | KMS.2402
          space grantee       | {"grantee_principal":" bob","operations":["encrypt-data"]}           | KMS.2402
          bad retiring        | {"grantee_principal":"bob","retiring_principal":"a.b","operations":["encrypt-data"]} | KMS.2402
          no operations       | {"grantee_principal":"bob"}                                          | KMS.0204
          empty operations    | {"grantee_principal":"bob","operations":[]}                          | KMS.0204
          only create-grant   | {"grantee_principal":"bob","operations":["create-grant"]}            | KMS.2401
          create-grant twice  | {"grantee_principal":"bob","operations":["create-grant","create-grant"]} | KMS.2401
          unknown operation   | {"grantee_principal":"bob","operations":["sign"]}                    | KMS.0308
          operation case      | {"grantee_principal":"bob","operations":["Encrypt-Data"]}            | KMS.0308
          null operation      | {"grantee_principal":"bob","operations":[null]}                      | KMS.0308
          bad principal type  | {"grantee_principal":"bob","grantee_principal_type":"group","operations":["encrypt-data"]} | KMS.0308
          type case           | {"grantee_principal":"bob","grantee_principal_type":"DOMAIN","operations":["encrypt-data"]} | KMS.0308
          bad name            | {"grantee_principal":"bob","name":"a name","operations":["encrypt-data"]} | KMS.0308
          """)
  void createGrant_refusesBadFields(String what, String fields, String code) {
    String body = "{\"key_id\":\"" + key + "\"," + fields.substring(1);
    assertError(call("create-grant", body), 400, code);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          operations a string   | "encrypt-data"
          operations an object  | {"op":"encrypt-data"}
          operation a number    | [1]
          operation a list      | [["encrypt-data"]]
          grantee a number      | 12
          """)
  void createGrant_refusesMalformedBodies_with400(String what, String value) {
    String field = what.startsWith("grantee") ? "grantee_principal" : "operations";
    String body =
        field.equals("operations")
            ? "{\"key_id\":\""
                + key
                + "\",\"grantee_principal\":\"bob\",\"operations\":"
                + value
                + "}"
            : "{\"key_id\":\""
                + key
                + "\",\"grantee_principal\":"
                + value
                + ",\"operations\":[\"encrypt-data\"]}";
    Http.Response r = call("create-grant", body);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).as(r.text()).isIn("KMS.0202", "KMS.0308");
  }

  @Test
  void createGrant_withAHugeOperationsList_isRefusedOrDeduplicated_neverA500() {
    String many = "[" + String.join(",", Collections.nCopies(20_000, "\"encrypt-data\"")) + "]";
    Http.Response r = call("create-grant", createBody(key, "huge", many));
    assertThat(r.status()).as(r.text()).isIn(200, 400, 413);
    if (r.status() == 200) {
      String list = "{\"key_id\":\"" + key + "\",\"limit\":\"1000\"}";
      assertThat(call("list-grants", list).text())
          .doesNotContain("\"encrypt-data\",\"encrypt-data\"");
    }
    String tooBig = "[" + String.join(",", Collections.nCopies(200_000, "\"encrypt-data\"")) + "]";
    Http.Response big = call("create-grant", createBody(key, "huge", tooBig));
    assertThat(big.status()).as(big.text()).isIn(400, 413);
  }

  @Test
  void createGrant_refusesKeysItCannotGrant() {
    assertError(
        call("create-grant", createBody(UNKNOWN_KEY, bobId, "[\"encrypt-data\"]")),
        404,
        "KMS.0207");
    assertError(
        call("create-grant", createBody("not-a-key", bobId, "[\"encrypt-data\"]")),
        400,
        "KMS.0205");
    String bobsKey =
        http.kms(
                bobToken,
                TestServer.OTHER_PROJECT_ID,
                "create-key",
                "{\"key_alias\":\"bobs-grant\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
    assertError(
        call("create-grant", createBody(bobsKey, bobId, "[\"encrypt-data\"]")), 404, "KMS.0207");
    String disabled = newKey();
    assertThat(call("disable-key", "{\"key_id\":\"" + disabled + "\"}").status()).isEqualTo(200);
    assertError(
        call("create-grant", createBody(disabled, bobId, "[\"encrypt-data\"]")), 400, "KMS.0209");
    String pending = newKey();
    String schedule = "{\"key_id\":\"" + pending + "\",\"pending_days\":\"7\"}";
    assertThat(call("schedule-key-deletion", schedule).status()).isEqualTo(200);
    assertError(
        call("create-grant", createBody(pending, bobId, "[\"encrypt-data\"]")), 400, "KMS.0210");
  }

  @Test
  void principalsThatAreNotTheGrantee_matchNobody() {
    String k = newKey();
    // bob's account id as a *user* grantee, bob's user id as a *domain* grantee, case variants
    granted(k, createBody(k, bobDomainId, "[\"encrypt-data\"]"));
    String asDomain =
        "{\"key_id\":\""
            + k
            + "\",\"grantee_principal\":\""
            + bobId
            + "\",\"grantee_principal_type\":\"domain\",\"operations\":[\"encrypt-data\"]}";
    granted(k, asDomain);
    granted(k, createBody(k, bobId.toUpperCase(Locale.ROOT), "[\"encrypt-data\"]"));
    assertError(bobEncrypts(k), 404, "KMS.0207");
    grantBob(k, "[\"encrypt-data\"]");
    assertThat(bobEncrypts(k).status()).isEqualTo(200);
  }

  @Test
  void theHundredAndFirstGrant_isRefusedWith2404() {
    String k = newKey();
    for (int i = 0; i < 100; i++) {
      granted(k, createBody(k, "user" + i, "[\"encrypt-data\"]"));
    }
    assertError(call("create-grant", createBody(k, bobId, "[\"encrypt-data\"]")), 400, "KMS.2404");
    String list = "{\"key_id\":\"" + k + "\",\"limit\":\"1000\"}";
    assertThat(call("list-grants", list).json().path("total").asInt()).isEqualTo(100);
    assertError(bobEncrypts(k), 404, "KMS.0207");
  }

  @Test
  void revokeGrant_refusals() {
    String k = newKey();
    String other = newKey();
    String grant = grantBob(k, "[\"encrypt-data\"]");
    assertError(call("revoke-grant", idBody(k, grant.substring(1))), 400, "KMS.2501");
    assertError(call("revoke-grant", idBody(k, grant + "0")), 400, "KMS.2501");
    assertError(call("revoke-grant", idBody(k, "g".repeat(64))), 400, "KMS.2501");
    assertError(call("revoke-grant", idBody(k, "0".repeat(64))), 400, "KMS.2501");
    assertError(call("revoke-grant", "{\"key_id\":\"" + k + "\"}"), 400, "KMS.0204");
    assertError(call("revoke-grant", idBody(other, grant)), 400, "KMS.2502");
    assertError(call("revoke-grant", idBody(UNKNOWN_KEY, grant)), 404, "KMS.0207");
    Http.Response byBob =
        http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "revoke-grant", idBody(k, grant));
    assertError(byBob, 404, "KMS.0207");
    assertThat(bobEncrypts(k).status()).isEqualTo(200);

    assertThat(call("revoke-grant", idBody(k, grant.toUpperCase(Locale.ROOT))).status())
        .isEqualTo(200);
    assertError(bobEncrypts(k), 404, "KMS.0207");
  }

  @Test
  void retireGrant_refusals() {
    String k = newKey();
    String other = newKey();
    String grant = grantBob(k, "[\"encrypt-data\"]");
    String mixed = grant.substring(0, 32).toUpperCase(Locale.ROOT) + grant.substring(32);
    assertError(call("retire-grant", idBody(k, "0".repeat(64))), 400, "KMS.2501");
    assertError(call("retire-grant", idBody(k, grant + " ")), 400, "KMS.2501");
    assertError(call("retire-grant", idBody(other, grant)), 400, "KMS.2502");
    Http.Response byBob =
        http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "retire-grant", idBody(k, grant));
    assertError(byBob, 403, "KMS.0306");
    assertThat(call("retire-grant", idBody(k, mixed)).status()).isEqualTo(200);
    assertError(bobEncrypts(k), 404, "KMS.0207");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          list-grants limit 0             | list-grants           | "limit":"0"     | KMS.1601
          list-grants limit 1001          | list-grants           | "limit":"1001"  | KMS.1601
          list-grants limit text          | list-grants           | "limit":"ten"   | KMS.1601
          list-grants marker negative     | list-grants           | "marker":"-1"   | KMS.1602
          list-grants marker text         | list-grants           | "marker":"x"    | KMS.1602
          retirable limit 0               | list-retirable-grants | "limit":"0"     | KMS.1601
          retirable marker text           | list-retirable-grants | "marker":"x"    | KMS.1602
          """)
  void listings_refuseBadPaging(String what, String operation, String field, String code) {
    String body = "{\"key_id\":\"" + key + "\"," + field + "}";
    assertError(call(operation, body), 400, code);
  }

  @Test
  void listGrants_isOwnerOnly() {
    grantBob(key, "[\"encrypt-data\",\"describe-key\",\"retire-grant\"]");
    String body = "{\"key_id\":\"" + key + "\"}";
    assertError(
        http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "list-grants", body), 404, "KMS.0207");
    assertError(call("list-grants", "{}"), 400, "KMS.0204");
    Http.Response retirable =
        http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "list-retirable-grants", "{}");
    assertThat(retirable.status()).as(retirable.text()).isEqualTo(200);
    assertThat(retirable.json().path("truncated").asText()).isEqualTo("false");
    assertThat(retirable.json().path("total").isInt()).isTrue();
  }
}
