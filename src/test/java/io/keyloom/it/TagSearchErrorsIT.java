package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ListKmsByTags over plain HTTP: its defaults and every refused request (docs/tags.md). */
class TagSearchErrorsIT extends ServerIT {
  static Http.Response search(String body) {
    return call("resource_instances/action", body);
  }

  static void assertError(String body, String code) {
    Http.Response r = search(body);
    assertThat(r.status()).as(body + ": " + r.text()).isEqualTo(400);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
  }

  static String filters(int count, int values) {
    StringJoiner tags = new StringJoiner(",");
    for (int i = 0; i < count; i++) {
      StringJoiner v = new StringJoiner(",");
      for (int j = 0; j < values; j++) {
        v.add("\"v" + j + "\"");
      }
      tags.add("{\"key\":\"k" + i + "\",\"values\":[" + v + "]}");
    }
    return "{\"action\":\"filter\",\"tags\":[" + tags + "]}";
  }

  @Test
  void theDefaultLimit_isTen_andCountAnswersOnlyTheTotal() {
    for (int i = 0; i < 11; i++) {
      Http.Response r =
          call("create-key", "{\"key_alias\":\"" + LifecycleCalls.alias("ts") + "\"}");
      assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
    Http.Response page = search("{\"action\":\"filter\"}");
    assertThat(page.status()).as(page.text()).isEqualTo(200);
    assertThat(page.json().path("resources").size()).isEqualTo(10);
    int total = page.json().path("total_count").asInt();
    assertThat(total).isGreaterThanOrEqualTo(11);
    Http.Response all = search("{\"action\":\"filter\",\"limit\":\"1000\",\"offset\":\"\"}");
    assertThat(all.json().path("resources").size()).isEqualTo(total);
    Http.Response count = search("{\"action\":\"count\",\"limit\":\"\"}");
    assertThat(count.status()).as(count.text()).isEqualTo(200);
    assertThat(count.json().has("resources")).isFalse();
    assertThat(count.json().path("total_count").asInt()).isEqualTo(total);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|KMS.0404",
        "{\"action\":\"list\"}|KMS.0404",
        "{\"action\":\"count\",\"offset\":\"0\"}|KMS.0418",
        "{\"action\":\"count\",\"limit\":\"10\"}|KMS.0418",
        "{\"action\":\"filter\",\"limit\":\"0\"}|KMS.1601",
        "{\"action\":\"filter\",\"limit\":\"1001\"}|KMS.1601",
        "{\"action\":\"filter\",\"limit\":\"ten\"}|KMS.1601",
        "{\"action\":\"filter\",\"offset\":\"-1\"}|KMS.0417",
        "{\"action\":\"filter\",\"offset\":\"x\"}|KMS.0417",
        "{\"action\":\"filter\",\"matches\":[{\"key\":\"alias\",\"value\":\"a\"}]}|KMS.0403",
        "{\"action\":\"filter\",\"matches\":[{\"key\":\"resource_name\",\"value\":\"\"}]}|KMS.0402",
        "{\"action\":\"filter\",\"matches\":[{\"key\":\"resource_name\"}]}|KMS.0402",
        "{\"action\":\"filter\",\"matches\":[{\"key\":\"resource_name\",\"value\":\"a\"},"
            + "{\"key\":\"resource_name\",\"value\":\"b\"}]}|KMS.0415",
        "{\"action\":\"filter\",\"tags\":[{\"key\":\"a\",\"values\":[]},"
            + "{\"key\":\"a\",\"values\":[\"x\"]}]}|KMS.0414",
        "{\"action\":\"filter\",\"tags\":[null]}|KMS.0414",
        "{\"action\":\"filter\",\"tags\":[{\"key\":\"a*\",\"values\":[]}]}|KMS.0406",
        "{\"action\":\"filter\",\"tags\":[{\"key\":\"a\",\"values\":[\"<\"]}]}|KMS.0405",
        "{\"action\":\"filter\",\"sequence\":\"bad\"}|KMS.0206",
      })
  void badRequests_areRefusedWithTheirCode(String body, String code) {
    assertError(body, code);
  }

  @Test
  void limitsOfFilters_twentyKeysOfTwentyValues() {
    assertThat(search(filters(20, 20)).status()).isEqualTo(200);
    assertError(filters(21, 1), "KMS.0407");
    assertError(filters(1, 21), "KMS.0413");
    String name = "x".repeat(255);
    String match =
        "{\"action\":\"filter\",\"matches\":[{\"key\":\"resource_name\",\"value\":\"%s\"}]}";
    assertThat(search(match.formatted(name)).status()).isEqualTo(200);
    assertError(match.formatted(name + "x"), "KMS.0402");
  }
}
