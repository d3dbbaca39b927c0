package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /metrics (docs/metrics.md): what it counts, and that no request can grow its series or put a
 * key id, project, user, access key or path into it.
 */
class MetricsIT {
  static TestServer server;
  static Http http;
  static String token;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    http = new Http(server.endpoint());
    token = http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, "cn-north-4");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String scrape() {
    Http.Response r = http.send("GET", "/metrics", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/plain; version=0.0.4");
    return r.text();
  }

  /** The value of one series, given its name and labels as they appear in the text. */
  static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
    assertThat(m.find()).as(series).isTrue();
    return Double.parseDouble(m.group(1));
  }

  static String createKey() {
    Http.Response r =
        http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"" + alias() + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().at("/key_info/key_id").asText();
  }

  static String alias() {
    return "metrics-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void countsRequestsByOperationAndStatus_withLatencyBuckets() {
    String keyId = createKey();
    String before = scrape();
    String ok =
        "keyloom_http_requests_seconds_count{method=\"POST\",operation=\"encrypt-data\","
            + "status=\"200\"}";
    double was = before.contains(ok) ? value(before, ok) : 0;
    for (int i = 0; i < 3; i++) {
      String body = "{\"key_id\":\"" + keyId + "\",\"plain_text\":\"aGVsbG8=\"}";
      assertThat(http.kms(token, TestServer.PROJECT_ID, "encrypt-data", body).status())
          .isEqualTo(200);
    }
    String after = scrape();
    assertThat(value(after, ok)).isEqualTo(was + 3);
    assertThat(after)
        .contains(
            "keyloom_http_requests_seconds_bucket{method=\"POST\",operation=\"encrypt-data\","
                + "status=\"200\",le=\"1.0E-4\"}")
        .contains("operation=\"encrypt-data\",status=\"200\",le=\"10.0\"}")
        .contains("keyloom_http_requests_seconds_max{");
  }

  @Test
  void countsKeyCacheStoreLoginAndJvm() {
    String keyId = createKey();
    http.kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"" + keyId + "\"}");
    http.kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"" + keyId + "\"}");
    String text = scrape();
    assertThat(value(text, "keyloom_key_cache_lookups_total{cache=\"metadata\",result=\"hit\"}"))
        .isGreaterThanOrEqualTo(1);
    assertThat(value(text, "keyloom_store_up")).isEqualTo(1);
    assertThat(value(text, "keyloom_root_key_unwrap_failures_total")).isZero();
    String pool = TestDatabases.postgres() ? "keyloom-postgresql" : "keyloom-sqlite";
    assertThat(text)
        .contains("keyloom_key_cache_lookups_total{cache=\"material\",result=\"miss\"}")
        .contains("keyloom_login_refusals_total{reason=\"user_locked\"}")
        .contains("keyloom_login_refusals_total{reason=\"address_throttled\"}")
        .contains("hikaricp_connections_active{pool=\"" + pool + "\"}")
        .contains("hikaricp_connections_timeout_total{pool=\"" + pool + "\"}")
        .contains("keyloom_http_rejected_total{work=\"hot\"}")
        .contains("keyloom_audit_dropped_total")
        .contains("jvm_memory_used_bytes{")
        .contains("jvm_threads_live_threads")
        .contains("process_cpu_usage");
  }

  @Test
  void storeOutage_isCountedAsAnError_andShownDown() throws InterruptedException {
    server.simulateDiskFull(true);
    try {
      int status = 200;
      for (int i = 0; i < 500 && status == 200; i++) { // until a write needs a new page
        String body = "{\"key_alias\":\"" + alias() + "\"}";
        status = http.kms(token, TestServer.PROJECT_ID, "create-key", body).status();
      }
      assertThat(status).isEqualTo(503);
      String text = scrape();
      assertThat(value(text, "keyloom_http_errors_total{error=\"store_unavailable\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(text, "keyloom_store_up")).isZero();
    } finally {
      server.simulateDiskFull(false);
      storeBackUp();
    }
  }

  /** Probes the store until it is up again (a down store is probed at most every 500 ms). */
  static void storeBackUp() throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (http.send("GET", "/ready", null, Map.of()).status() != 200) {
      assertThat(System.nanoTime()).as("store back up").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  /**
   * Random key ids, projects, aliases, paths, users and access keys: after a first round has made
   * every kind of answer once, a second round with new random values adds no keyloom or pool
   * series, and no value sent (nor any of the seeded identities) appears in the text.
   */
  @Test
  void randomRequests_addNoSeries_andLeakNothing() {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i <= 20; i++) { // the address is throttled from now on: 429, not 401
      http.post("/v3/auth/tokens", wrongLogin("nobody" + i), Map.of());
    }
    scrape(); // GET /metrics is timed once it has answered: its series is in the next text
    randomRound(sent);
    String first = scrape();
    randomRound(sent);
    String second = scrape();
    assertThat(series(second, "keyloom_|hikaricp_")).isEqualTo(series(first, "keyloom_|hikaricp_"));
    assertThat(series(second, "")).isLessThan(4000);
    sent.addAll(
        List.of(
            TestServer.PROJECT_ID,
            TestServer.OTHER_PROJECT_ID,
            TestServer.DOMAIN_ID,
            TestServer.USER,
            TestServer.AK,
            TestServer.OTHER_AK,
            "cn-north-4",
            "acme",
            token.substring(0, 16)));
    for (String value : sent) {
      assertThat(second).as("a value from a request").doesNotContain(value);
    }
  }

  /** The number of series (sample lines) whose name matches the prefix pattern. */
  static long series(String text, String prefixes) {
    Pattern name = Pattern.compile("^(" + (prefixes.isEmpty() ? "" : prefixes) + ")");
    return text.lines().filter(l -> !l.startsWith("#") && name.matcher(l).find()).count();
  }

  private static void randomRound(List<String> sent) {
    String keyId = createKey();
    sent.add(keyId);
    for (int i = 0; i < 10; i++) {
      String random = UUID.randomUUID().toString();
      String hex = random.replace("-", "");
      sent.add(random);
      sent.add(hex);
      http.kms(token, TestServer.PROJECT_ID, "describe-key", "{\"key_id\":\"" + random + "\"}");
      http.kms(token, TestServer.PROJECT_ID, "encrypt-data", "{\"key_id\":\"alias/" + hex + "\"}");
      http.kms(token, hex, "describe-key", "{\"key_id\":\"" + keyId + "\"}");
      http.kms(token, TestServer.PROJECT_ID, hex, "{}");
      http.kms(token, TestServer.PROJECT_ID, keyId + "/tags", "{}");
      http.send("GET", "/" + hex + "/" + random, null, Map.of());
      http.send("DELETE", "/v1.0/" + hex + "/kms/create-key", null, Map.of());
      http.send(
          "POST",
          "/v1.0/" + TestServer.PROJECT_ID + "/kms/describe-key",
          "{}",
          Map.of("Authorization", "SDK-HMAC-SHA256 Access=" + hex + ", Signature=00"));
    }
    for (int i = 0; i < 2; i++) { // a throttled address's 429s come at most 1 per second
      String user = UUID.randomUUID().toString();
      sent.add(user);
      http.post("/v3/auth/tokens", wrongLogin(user), Map.of());
    }
  }

  private static String wrongLogin(String user) {
    return """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"wrong","domain":{"name":"acme"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"""
        .formatted(user);
  }
}
