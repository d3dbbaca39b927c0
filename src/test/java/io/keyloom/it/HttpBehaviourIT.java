package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Transport-level rules: health, 404/405, body limits, malformed JSON, headers on every reply. */
class HttpBehaviourIT extends ServerIT {

  static void assertStandardHeaders(Http.Response r) {
    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.header("X-Request-Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void health_answersWithoutCredentials() {
    Http.Response r = http.send("GET", "/health", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertStandardHeaders(r);
  }

  @Test
  void unknownPath_is404WithErrorBody() {
    Http.Response r =
        http.post("/v1.0/" + TestServer.PROJECT_ID + "/kms/no-such-op", "{}", Map.of());
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("KMS.0201");
    assertStandardHeaders(r);
  }

  @Test
  void wrongMethod_is405WithErrorBody() {
    Http.Response r =
        http.send("GET", "/v1.0/" + TestServer.PROJECT_ID + "/kms/create-key", null, Map.of());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("KMS.0215");
    assertStandardHeaders(r);
  }

  @Test
  void oversizedBody_isRefusedWithKms0203() {
    String huge = "{\"key_alias\":\"" + "a".repeat(70_000) + "\"}";
    Http.Response r = http.kms(token, TestServer.PROJECT_ID, "create-key", huge);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.errorCode()).isEqualTo("KMS.0203");
    assertStandardHeaders(r);
  }

  @Test
  void malformedJson_is400Kms0202() {
    for (String body :
        new String[] {
          "{",
          "[]",
          "null",
          "\"x\"",
          "{\"key_alias\":{}}",
          "",
          "{\"key_alias\":\"a\",\"key_alias\":\"b\"}"
        }) {
      Http.Response r = http.kms(token, TestServer.PROJECT_ID, "create-key", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.errorCode()).as(body).isEqualTo("KMS.0202");
      assertStandardHeaders(r);
    }
  }

  @Test
  void missingCredentials_is401_inTheGatewaysFlatBody() {
    Http.Response r =
        http.post(
            "/v1.0/" + TestServer.PROJECT_ID + "/kms/create-key",
            "{\"key_alias\":\"x\"}",
            Map.of());
    assertThat(r.status()).isEqualTo(401);
    assertStandardHeaders(r);
    assertThat(r.json().path("error_code").asText()).isEqualTo("APIGW.0301");
    assertThat(r.json().path("error_msg").asText())
        .startsWith("Incorrect IAM authentication information: ");
    assertThat(r.json().path("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    assertThat(r.json().has("error")).as("flat, not nested").isFalse();
  }

  @Test
  void errorBodies_neverLeakInternals() {
    Http.Response r =
        http.kms(
            token,
            TestServer.PROJECT_ID,
            "decrypt-data",
            "{\"cipher_text\":\"" + "A".repeat(200) + "\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.text())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("at io.");
  }
}
