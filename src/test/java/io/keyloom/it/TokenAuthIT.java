package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /v3/auth/tokens} and X-Auth-Token on KMS calls, as a curl user would use them. */
class TokenAuthIT extends ServerIT {

  static String tokenRequest(String password, String scope) {
    return """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice",\
        "password":"%s","domain":{"name":"acme"}}}},"scope":%s}}"""
        .formatted(password, scope);
  }

  @Test
  void passwordLogin_returns201WithSubjectTokenAndKeystoneBody() {
    Http.Response r =
        http.post(
            "/v3/auth/tokens",
            tokenRequest(TestServer.PASSWORD, "{\"project\":{\"name\":\"cn-north-4\"}}"),
            Map.of());
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("X-Subject-Token")).isNotBlank();
    JsonNode token = r.json().path("token");
    assertThat(token.path("project").path("id").asText()).isEqualTo(TestServer.PROJECT_ID);
    assertThat(token.path("project").path("domain").path("name").asText()).isEqualTo("acme");
    assertThat(token.path("user").path("name").asText()).isEqualTo("alice");
    assertThat(token.path("expires_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    assertThat(token.path("methods").get(0).asText()).isEqualTo("password");
  }

  @Test
  void projectScope_canBeGivenById() {
    Http.Response r =
        http.post(
            "/v3/auth/tokens",
            tokenRequest(
                TestServer.PASSWORD, "{\"project\":{\"id\":\"" + TestServer.PROJECT_2_ID + "\"}}"),
            Map.of());
    assertThat(r.status()).isEqualTo(201);
    String token = r.header("X-Subject-Token");
    Http.Response created =
        http.kms(token, TestServer.PROJECT_2_ID, "create-key", "{\"key_alias\":\"by-id\"}");
    assertThat(created.status()).isEqualTo(200);
  }

  @Test
  void wrongPassword_is401InKeystoneShape() {
    Http.Response r =
        http.post(
            "/v3/auth/tokens",
            tokenRequest("wrong", "{\"project\":{\"name\":\"cn-north-4\"}}"),
            Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("error").path("code").asInt()).isEqualTo(401);
    assertThat(r.header("X-Subject-Token")).isNull();
  }

  @Test
  void invalidTokenRequest_is400() {
    Http.Response r = http.post("/v3/auth/tokens", "{\"auth\":{}}", Map.of());
    assertThat(r.status()).isEqualTo(400);
    assertThat(http.post("/v3/auth/tokens", "not json", Map.of()).status()).isEqualTo(400);
  }

  @Test
  void token_worksOnKmsCallsOfItsProject() {
    String token = http.token("acme", "alice", TestServer.PASSWORD, "cn-north-4");
    Http.Response created =
        http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"curl-key\"}");
    assertThat(created.status()).isEqualTo(200);
    String keyId = created.json().path("key_info").path("key_id").asText();
    Http.Response enc =
        http.kms(
            token,
            TestServer.PROJECT_ID,
            "encrypt-data",
            "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"hi\"}");
    assertThat(enc.status()).isEqualTo(200);
    Http.Response dec =
        http.kms(
            token,
            TestServer.PROJECT_ID,
            "decrypt-data",
            "{\"cipher_text\":\"" + enc.json().path("cipher_text").asText() + "\"}");
    assertThat(dec.json().path("plain_text").asText()).isEqualTo("hi");
  }

  @Test
  void tokenOfAnotherProject_is403Kms0321() {
    String token = http.token("acme", "alice", TestServer.PASSWORD, "cn-north-4");
    Http.Response r =
        http.kms(token, TestServer.PROJECT_2_ID, "create-key", "{\"key_alias\":\"x\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0321");
  }

  @Test
  void alteredToken_is403Kms0302() {
    String token = http.token("acme", "alice", TestServer.PASSWORD, "cn-north-4");
    String[] parts = token.split("\\."); // KL2, kid, claims, MAC
    String claims = new String(Base64.getUrlDecoder().decode(parts[2]));
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims.replace(TestServer.PROJECT_ID, TestServer.PROJECT_2_ID).getBytes());
    Http.Response r =
        http.kms(
            parts[0] + "." + parts[1] + "." + forgedClaims + "." + parts[3],
            TestServer.PROJECT_2_ID,
            "create-key",
            "{\"key_alias\":\"x\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0302");
    char last = token.charAt(token.length() - 1);
    String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    assertThat(
            http.kms(flipped, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"x\"}")
                .errorCode())
        .isEqualTo("KMS.0302");
  }

  @Test
  void malformedToken_is403Kms0301() {
    Http.Response r =
        http.kms("garbage", TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"x\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0301");
  }

  @Test
  void domainScopedToken_isRefusedOnKmsCalls() {
    Http.Response issued =
        http.post(
            "/v3/auth/tokens",
            tokenRequest(TestServer.PASSWORD, "{\"domain\":{\"name\":\"acme\"}}"),
            Map.of());
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.json().path("token").path("domain").path("name").asText()).isEqualTo("acme");
    Http.Response r =
        http.kms(
            issued.header("X-Subject-Token"),
            TestServer.PROJECT_ID,
            "create-key",
            "{\"key_alias\":\"x\"}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo("KMS.0305");
  }
}
