package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Strict JSON: wrong types, trailing data, invalid UTF-8 and unpaired surrogates are 400 {@code
 * KMS.0202}, never coerced, ignored or replaced.
 */
class StrictJsonIT extends ServerIT {
  static String keyId;

  @BeforeAll
  static void createKey() {
    keyId =
        call("create-key", "{\"key_alias\":\"strict-json\"}")
            .json()
            .at("/key_info/key_id")
            .asText();
  }

  @Test
  void valueOfTheWrongType_isKms0202_notCoerced() {
    for (String body :
        new String[] {
          "{\"key_alias\":123}",
          "{\"key_alias\":true}",
          "{\"key_alias\":1.5}",
          "{\"key_alias\":[\"a\"]}",
          "{\"key_alias\":\"ok-alias\",\"key_spec\":256}"
        }) {
      assertJson0202(call("create-key", body), body);
    }
    assertJson0202(call("describe-key", "{\"key_id\":123}"), "number key_id");
    String pair = "{\"key_id\":\"%s\",\"key_spec\":\"RSA_2048\",\"with_plain_text\":%s}";
    for (String flag : new String[] {"\"yes\"", "1", "\"\"", "[]"}) {
      assertJson0202(call("create-rsa-datakey-pair", pair.formatted(keyId, flag)), flag);
    }
  }

  @Test
  void numericStringFields_stillTakeAJsonInteger_butNotAFraction() {
    assertThat(call("gen-random", "{\"random_data_length\":256}").status()).isEqualTo(200);
    assertJson0202(call("gen-random", "{\"random_data_length\":256.0}"), "fraction");
    assertJson0202(call("gen-random", "{\"random_data_length\":true}"), "boolean");
  }

  @Test
  void anythingAfterTheTopLevelValue_isKms0202() {
    for (String body :
        new String[] {
          "{\"key_id\":\"" + keyId + "\"}{\"b\":2}",
          "{\"key_id\":\"" + keyId + "\"} x",
          "{\"key_id\":\"" + keyId + "\"}]"
        }) {
      assertJson0202(call("describe-key", body), body);
    }
    assertThat(call("describe-key", "{\"key_id\":\"" + keyId + "\"} \r\n").status())
        .as("trailing whitespace is fine")
        .isEqualTo(200);
  }

  @Test
  void unpairedSurrogates_areRefused_soTheyCannotAliasAQuestionMark() {
    String encrypt =
        "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"hi\",\"encryption_context\":%s}";
    for (String context :
        new String[] {"{\"a\":\"\\ud800\"}", "{\"a\":\"x\\udc00\"}", "{\"\\ud800\":\"a\"}"}) {
      assertJson0202(call("encrypt-data", encrypt.formatted(context)), context);
    }
    String plain = "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"a\\udbff\"}";
    assertJson0202(call("encrypt-data", plain), "plain_text");
    assertThat(call("encrypt-data", encrypt.formatted("{\"a\":\"?\"}")).status()).isEqualTo(200);
    assertThat(call("encrypt-data", encrypt.formatted("{\"a\":\"\\ud83d\\ude00\"}")).status())
        .as("a paired surrogate is an ordinary character")
        .isEqualTo(200);
  }

  @Test
  void invalidUtf8Bytes_areRefused() {
    byte[][] strings = {
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF}
    };
    for (byte[] bad : strings) {
      String body =
          "{\"key_id\":\""
              + keyId
              + "\",\"plain_text\":\""
              + new String(bad, StandardCharsets.ISO_8859_1)
              + "\"}";
      byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
      RawHttp.Exchange e =
          RawHttp.exchange(
              HostileHttpIT.port(),
              raw("/v1.0/" + TestServer.PROJECT_ID + "/kms/encrypt-data", bytes),
              false,
              5000);
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.body()).contains("KMS.0202");
    }
  }

  @Test
  void iamBodies_areStrictToo() {
    Http.Response r =
        http.post(
            "/v3.0/OS-CREDENTIAL/securitytokens",
            "{\"auth\":{\"identity\":{\"methods\":[\"token\"],\"token\":{\"duration_seconds\":\"900\"}}}}",
            Map.of("X-Auth-Token", token));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().at("/error/code").asInt()).isEqualTo(400);
  }

  private static byte[] raw(String path, byte[] body) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static void assertJson0202(Http.Response r, String what) {
    assertThat(r.status()).as(what + " -> " + r.text()).isEqualTo(400);
    assertThat(r.errorCode()).as(what).isEqualTo("KMS.0202");
  }
}
