package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refused tag request over plain HTTP: the documented 4xx code, and the key's tags left as
 * they were (docs/tags.md).
 */
class TagErrorsIT extends ServerIT {
  static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

  static String create() {
    Http.Response r =
        call("create-key", "{\"key_alias\":\"" + LifecycleCalls.alias("tag-err") + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  static Http.Response send(String method, String path, String body) {
    return http.send(
        method,
        "/v1.0/" + TestServer.PROJECT_ID + "/kms/" + path,
        body,
        Map.of("X-Auth-Token", token));
  }

  static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  static Http.Response createTag(String keyId, String key, String value) {
    return send("POST", keyId + "/tags", "{\"tag\":" + item(key, value) + "}");
  }

  static String item(String key, String value) {
    return "{\"key\":" + quote(key) + (value == null ? "" : ",\"value\":" + quote(value)) + "}";
  }

  static String quote(String text) {
    try {
      return Http.JSON.writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static int tagCount(String keyId) {
    Http.Response r = send("GET", keyId + "/tags", null);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("existTagsNum").asInt();
  }

  static String batch(String action, int from, int to) {
    StringJoiner items = new StringJoiner(",");
    for (int i = from; i < to; i++) {
      items.add(item("t" + i, "v"));
    }
    return "{\"action\":\"" + action + "\",\"tags\":[" + items + "]}";
  }

  @Test
  void createAndDelete_answer204WithoutBody() {
    String keyId = create();
    Http.Response created = createTag(keyId, "env", "dev");
    assertThat(created.status()).isEqualTo(204);
    assertThat(created.text()).isEmpty();
    assertThat(created.header("Content-Type")).isNull();
    Http.Response deleted = send("DELETE", keyId + "/tags/env", null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.text()).isEmpty();
    assertThat(send("POST", keyId + "/tags/action", batch("create", 0, 2)).status()).isEqualTo(204);
  }

  @Test
  void theTwentyFirstTag_is0409_whetherOneOrABatch_andNothingIsWritten() {
    String keyId = create();
    assertThat(send("POST", keyId + "/tags/action", batch("create", 0, 19)).status())
        .isEqualTo(204);
    assertError(send("POST", keyId + "/tags/action", batch("create", 18, 20 + 1)), 400, "KMS.0409");
    assertThat(tagCount(keyId)).isEqualTo(19);
    assertThat(createTag(keyId, "t19", "v").status()).isEqualTo(204);
    assertError(createTag(keyId, "t20", "v"), 400, "KMS.0409");
    assertThat(createTag(keyId, "t0", "replaced").status()).as("a replacement").isEqualTo(204);
    assertThat(tagCount(keyId)).isEqualTo(20);
  }

  @Test
  void batchLists_emptyTooLongDuplicatedOrWithABadAction_areRefused() {
    String keyId = create();
    String path = keyId + "/tags/action";
    assertError(send("POST", path, "{\"action\":\"create\",\"tags\":[]}"), 400, "KMS.0401");
    assertError(send("POST", path, "{\"action\":\"create\"}"), 400, "KMS.0401");
    assertError(send("POST", path, batch("create", 0, 21)), 400, "KMS.0407");
    assertError(send("POST", path, batch("delete", 0, 21)), 400, "KMS.0407");
    String twice =
        "{\"action\":\"create\",\"tags\":[" + item("a", "1") + "," + item("a", "2") + "]}";
    assertError(send("POST", path, twice), 400, "KMS.0412");
    assertError(send("POST", path, "{\"action\":\"create\",\"tags\":[null]}"), 400, "KMS.0412");
    assertError(send("POST", path, batch("update", 0, 1)), 400, "KMS.0404");
    assertError(send("POST", path, batch("CREATE", 0, 1)), 400, "KMS.0404");
    assertError(send("POST", path, "{\"tags\":[" + item("a", "1") + "]}"), 400, "KMS.0204");
    assertThat(tagCount(keyId)).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"37|0|KMS.0411", "0|0|KMS.0406", "1|44|KMS.0410"})
  void lengths_areCountedInCharacters(int keyLength, int valueLength, String code) {
    String keyId = create();
    String ok = createTag(keyId, "k".repeat(36), "v".repeat(43)).text();
    assertThat(ok).isEmpty();
    String key = "é".repeat(keyLength);
    assertError(createTag(keyId, key, "v".repeat(valueLength)), 400, code);
    String batch = "{\"action\":\"create\",\"tags\":[" + item(key, "v".repeat(valueLength)) + "]}";
    assertError(send("POST", keyId + "/tags/action", batch), 400, code);
    assertThat(tagCount(keyId)).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "<", ">", "\\", "=", "\u0000", "\u001f", "\n", "\t"})
  void forbiddenCharacters_inKeysAre0406_inValues0405(String c) {
    String keyId = create();
    assertError(createTag(keyId, "a" + c + "b", "v"), 400, "KMS.0406");
    assertError(createTag(keyId, "k", "a" + c + "b"), 400, "KMS.0405");
    assertThat(tagCount(keyId)).isZero();
  }

  @Test
  void aMissingTag_isMissing_andNullOrEmptyValuesAreEmpty() {
    String keyId = create();
    assertError(send("POST", keyId + "/tags", "{}"), 400, "KMS.0204");
    assertError(send("POST", keyId + "/tags", "{\"tag\":{\"value\":\"v\"}}"), 400, "KMS.0406");
    assertThat(send("POST", keyId + "/tags", "{\"tag\":{\"key\":\"a\",\"value\":null}}").status())
        .isEqualTo(204);
    assertThat(createTag(keyId, "b", "").status()).isEqualTo(204);
    Http.Response shown = send("GET", keyId + "/tags", null);
    assertThat(shown.json().at("/tags/0/value").asText()).isEmpty();
    assertThat(shown.json().at("/tags/1/value").asText()).isEmpty();
  }

  @Test
  void deletingAnUnknownTag_is404_0416_andUnknownOrBadKeys_0207_0205() {
    String keyId = create();
    createTag(keyId, "env", "dev");
    assertError(send("DELETE", keyId + "/tags/other", null), 404, "KMS.0416");
    assertError(send("DELETE", keyId + "/tags/" + enc("a*b"), null), 400, "KMS.0406");
    assertThat(send("DELETE", keyId + "/tags/env", null).status()).isEqualTo(204);
    assertError(send("DELETE", keyId + "/tags/env", null), 404, "KMS.0416");
    assertError(send("DELETE", UNKNOWN + "/tags/env", null), 404, "KMS.0207");
    assertError(send("GET", UNKNOWN + "/tags", null), 404, "KMS.0207");
    assertError(createTag(UNKNOWN, "a", "b"), 404, "KMS.0207");
    assertError(send("GET", "not-a-key/tags", null), 400, "KMS.0205");
    assertError(createTag("not-a-key", "a", "b"), 400, "KMS.0205");
    String badSequence = "{\"tag\":" + item("a", "b") + ",\"sequence\":\"short\"}";
    assertError(send("POST", keyId + "/tags", badSequence), 400, "KMS.0206");
  }

  @Test
  void aTagKeyInThePath_isPercentDecoded() {
    String keyId = create();
    createTag(keyId, "a b/ü", "v");
    assertThat(send("DELETE", keyId + "/tags/" + enc("a b/ü"), null).status()).isEqualTo(204);
    assertThat(tagCount(keyId)).isZero();
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
