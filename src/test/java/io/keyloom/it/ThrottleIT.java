package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.CreateRandomRequest;
import com.huaweicloud.sdk.kms.v2.model.GenRandomRequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --throttle 5}: beyond 5 requests per second per project, 429 {@code APIGW.0308} in the
 * gateway's body, as Huawei answers; other projects and IAM calls are not counted. The server runs
 * with {@code --emulator=false}: the throttle does not need the emulator, and the emulator's
 * controls are then 404 (docs/throttle-and-faults.md). Counts are asserted loosely: the token
 * bucket refills while the calls run.
 */
class ThrottleIT {
  static TestServer server;
  static Http http;
  static final String GEN_RANDOM = "{\"random_data_length\":\"64\"}";

  @BeforeAll
  static void start() {
    server = TestServer.startWithThrottle(5, false);
    http = new Http(server.endpoint());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Callable<String> genRandom(KmsClient client) {
    return () -> {
      try {
        client.createRandom(
            new CreateRandomRequest()
                .withBody(new GenRandomRequestBody().withRandomDataLength("64")));
        return "200";
      } catch (ClientRequestException e) {
        return e.getHttpStatusCode() + " " + e.getErrorCode();
      }
    };
  }

  /** Runs every call at once, one thread each; the outcomes. */
  static List<String> burst(List<Callable<String>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(calls)) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBurstOverTheLimit_gets429s_otherProjectsDoNot_andASecondLaterCallsPassAgain()
      throws Exception {
    Thread.sleep(1_100); // a full bucket, whatever ran before
    KmsClient alice = Sdk.alice(server);
    KmsClient bob = Sdk.bob(server);
    List<Callable<String>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(genRandom(alice));
    }
    for (int i = 0; i < 5; i++) {
      calls.add(genRandom(bob));
    }
    List<String> outcomes = burst(calls);
    List<String> aliceOutcomes = outcomes.subList(0, 20);
    long passed = aliceOutcomes.stream().filter("200"::equals).count();
    assertThat(passed).as(aliceOutcomes.toString()).isBetween(5L, 15L);
    assertThat(aliceOutcomes).filteredOn(o -> !o.equals("200")).containsOnly("429 APIGW.0308");
    assertThat(outcomes.subList(20, 25)).as("bob's project").containsOnly("200");

    Thread.sleep(1_100);
    List<Callable<String>> again = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      again.add(genRandom(alice));
    }
    assertThat(burst(again)).containsOnly("200");
  }

  @Test
  void a429_hasTheGatewayBodyAndRetryAfter() throws Exception {
    Thread.sleep(1_100); // a full bucket, whatever ran before
    String token =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    Http.Response refused = null;
    for (int i = 0; i < 20 && refused == null; i++) {
      Http.Response r = http.kms(token, TestServer.PROJECT_ID, "gen-random", GEN_RANDOM);
      refused = r.status() == 429 ? r : null;
    }
    assertThat(refused).isNotNull();
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.json().path("error_code").asText()).isEqualTo("APIGW.0308");
    assertThat(refused.json().path("error_msg").asText()).contains("5 requests per second");
    assertThat(refused.json().path("request_id").asText())
        .isEqualTo(refused.header("X-Request-Id"));
  }

  @Test
  void iamCalls_areNotCounted() {
    String token =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    for (int i = 0; i < 15; i++) {
      Http.Response r = http.send("GET", "/v3/projects", null, Map.of("X-Auth-Token", token));
      assertThat(r.status()).as("call %d", i).isEqualTo(200);
    }
  }

  @Test
  void withoutTheEmulator_theFaultControlsAre404() {
    for (String method : List.of("GET", "POST", "DELETE")) {
      Http.Response r =
          http.send(
              method, "/keyloom/v1/faults", "{\"operation\":\"sign\",\"latency_ms\":5}", Map.of());
      assertThat(r.status()).as(method).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("KMS.0201");
    }
  }
}
