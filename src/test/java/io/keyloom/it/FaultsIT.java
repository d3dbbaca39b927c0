package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServerResponseException;
import com.huaweicloud.sdk.kms.v2.KmsClient;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody;
import com.huaweicloud.sdk.kms.v2.model.DecryptDataResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Injected faults (POST/GET/DELETE /keyloom/v1/faults) as the official SDK sees them: its
 * exceptions carry the injected status and code, its retry loop gets through once a count is used
 * up, latency holds responses back without holding threads (docs/throttle-and-faults.md).
 */
class FaultsIT extends ServerIT {
  static KmsClient alice;
  static String aesKey;
  static String cipher;
  static String signKey;

  @BeforeAll
  static void keys() {
    alice = Sdk.alice(server);
    aesKey = Keys.create(alice, "AES_256", null);
    cipher = Keys.encrypt(alice, aesKey, null, "aGVsbG8=").getCipherText();
    signKey = Keys.create(alice, "EC_P256", "SIGN_VERIFY");
  }

  @AfterEach
  void clearFaults() {
    assertThat(http.send("DELETE", "/keyloom/v1/faults", null, Map.of()).status()).isEqualTo(200);
  }

  static Http.Response postFault(String json) {
    return http.post("/keyloom/v1/faults", json, Map.of());
  }

  static JsonNode faults() {
    Http.Response r = http.send("GET", "/keyloom/v1/faults", null, Map.of());
    assertThat(r.status()).isEqualTo(200);
    return r.json().path("faults");
  }

  static DecryptDataResponse decrypt() {
    return alice.decryptData(
        new DecryptDataRequest().withBody(new DecryptDataRequestBody().withCipherText(cipher)));
  }

  static void sign() {
    Keys.sign(alice, signKey, "ECDSA_SHA_256", "DIGEST", new byte[32]);
  }

  @Test
  void aCountedErrorFault_failsTheNextCalls_thenTheOperationWorksAgain() {
    Http.Response posted =
        postFault(
            "{\"operation\":\"decrypt-data\",\"status\":500,\"error_code\":\"KMS.0101\",\"count\":3}");
    assertThat(posted.status()).as(posted.text()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(FaultsIT::decrypt)
          .isInstanceOfSatisfying(
              ServerResponseException.class,
              e -> {
                assertThat(e.getHttpStatusCode()).isEqualTo(500);
                assertThat(e.getErrorCode()).isEqualTo("KMS.0101");
                assertThat(e.getErrorMsg()).isEqualTo("KMS internal error.");
                assertThat(e.getRequestId()).isNotBlank();
              });
      if (i < 2) {
        assertThat(faults().get(0).path("count").asInt()).isEqualTo(2 - i);
      }
    }
    assertThat(decrypt().getPlainText()).isEqualTo("aGVsbG8=");
    assertThat(faults()).isEmpty();
    // Other operations were never affected.
    assertThat(Keys.encrypt(alice, aesKey, null, "aGk=").getCipherText()).isNotBlank();
  }

  @Test
  void theSdksRetryLoop_seesTheInjectedErrors_andSucceedsOnceTheCountIsUsedUp() {
    postFault(
        "{\"operation\":\"decrypt-data\",\"status\":503,\"error_code\":\"KMS.0104\",\"count\":2}");
    List<String> seen = new ArrayList<>();
    DecryptDataResponse r =
        alice
            .decryptDataInvoker(
                new DecryptDataRequest()
                    .withBody(new DecryptDataRequestBody().withCipherText(cipher)))
            .retryTimes(3)
            .retryCondition(
                (response, e) -> {
                  if (e instanceof ServerResponseException s) {
                    seen.add(s.getHttpStatusCode() + " " + s.getErrorCode());
                    return true;
                  }
                  return false;
                })
            .invoke();
    assertThat(r.getPlainText()).isEqualTo("aGVsbG8=");
    assertThat(seen).containsExactly("503 KMS.0104", "503 KMS.0104");
  }

  @Test
  void aGatewayCode_comesInTheGatewaysFlatBody_andA429WithRetryAfter() {
    postFault(
        "{\"operation\":\"encrypt-data\",\"status\":429,\"error_code\":\"APIGW.0308\","
            + "\"error_msg\":\"slow down\",\"count\":1}");
    Http.Response r =
        call("encrypt-data", "{\"key_id\":\"" + aesKey + "\",\"plain_text\":\"aGk=\"}");
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.json().path("error_code").asText()).isEqualTo("APIGW.0308");
    assertThat(r.json().path("error_msg").asText()).isEqualTo("slow down");
    assertThat(r.json().path("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    assertThat(r.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void aFaultForOneProject_leavesOtherProjectsAlone() {
    postFault(
        "{\"operation\":\"gen-random\",\"status\":400,\"error_code\":\"KMS.0308\","
            + "\"project_id\":\""
            + TestServer.PROJECT_ID
            + "\"}");
    String body = "{\"random_data_length\":\"64\"}";
    assertThat(call("gen-random", body).errorCode()).isEqualTo("KMS.0308");
    String bobToken =
        http.token(
            TestServer.OTHER_DOMAIN,
            TestServer.OTHER_USER,
            TestServer.OTHER_PASSWORD,
            TestServer.PROJECT);
    assertThat(http.kms(bobToken, TestServer.OTHER_PROJECT_ID, "gen-random", body).status())
        .isEqualTo(200);
  }

  @Test
  void faults_applyOnlyAfterAuthentication_andBadCredentialsUseNoCount() {
    postFault(
        "{\"operation\":\"gen-random\",\"status\":500,\"error_code\":\"KMS.0101\",\"count\":1}");
    String body = "{\"random_data_length\":\"64\"}";
    Http.Response bad = http.kms("not-a-token", TestServer.PROJECT_ID, "gen-random", body);
    assertThat(bad.status()).isNotEqualTo(500);
    assertThat(faults().get(0).path("count").asInt()).isEqualTo(1);
    assertThat(call("gen-random", body).status()).isEqualTo(500);
    assertThat(call("gen-random", body).status()).isEqualTo(200);
  }

  @Test
  void latencyAtARate_delaysAboutThatShareOfCalls_asTheSeedDecides() throws Exception {
    int calls = 200;
    postFault(
        "{\"operation\":\"sign\",\"latency_ms\":200,\"rate\":0.5,\"seed\":7,\"count\":100000}");
    Random reference = new Random(7);
    int expected = 0;
    for (int i = 0; i < calls; i++) {
      expected += reference.nextDouble() < 0.5 ? 1 : 0;
    }
    List<Long> millis = timedConcurrently(calls, 20, FaultsIT::sign);
    long delayed = millis.stream().filter(ms -> ms >= 200).count();
    // The count left says exactly how many calls the fault delayed.
    assertThat(100000 - faults().get(0).path("count").asLong()).isEqualTo(expected);
    assertThat(expected).isBetween(60, 140);
    // Every delayed call took the latency at least; how many others were slow depends on load.
    assertThat(delayed).isGreaterThanOrEqualTo(expected);
  }

  @Test
  void latency_holdsNoWorkerThread_soOtherCallsAreNotSlowed() throws Exception {
    postFault("{\"operation\":\"sign\",\"latency_ms\":2000}");
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> signs = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        signs.add(pool.submit(FaultsIT::sign));
      }
      Thread.sleep(500); // every sign call is in the server, waiting out its latency
      long start = System.nanoTime();
      Keys.encrypt(alice, aesKey, null, "aGk=");
      long encryptMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(encryptMillis).isLessThan(1000);
      for (Future<?> f : signs) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badFaults_are400sWithAKmsCode() {
    Map<String, String> bodies =
        Map.of(
            "{\"operation\":\"nope\",\"latency_ms\":5}", "KMS.0308",
            "{\"latency_ms\":5}", "KMS.0204",
            "{\"operation\":\"sign\",\"status\":302,\"error_code\":\"KMS.0101\"}", "KMS.0308",
            "{\"operation\":\"sign\",\"latency_ms\":5,\"rate\":0}", "KMS.0308",
            "{\"operation\":\"sign\",\"latency_ms\":5,\"count\":-1}", "KMS.0308",
            "{\"operation\":\"sign\",\"latency_ms\":600000}", "KMS.0308",
            "{\"operation\":\"sign\",\"status\":500,\"error_code\":\"oops\"}", "KMS.0308",
            "{\"operation\":\"sign\",\"latency\":5}", "KMS.0308",
            "{\"operation\":\"sign\",\"latency_ms\":\"5\"}", "KMS.0202",
            "not json", "KMS.0202");
    bodies.forEach(
        (body, code) -> {
          Http.Response r = postFault(body);
          assertThat(r.status()).as(body + " " + r.text()).isEqualTo(400);
          assertThat(r.errorCode()).as(body).isEqualTo(code);
        });
    assertThat(faults()).isEmpty();
  }

  @Test
  void theControlsAnswers_matchTheOpenApiDocument() {
    OpenApi api = OpenApi.load();
    String path = "/keyloom/v1/faults";
    String fault =
        "{\"operation\":\"sign\",\"status\":500,\"error_code\":\"KMS.0101\",\"count\":2,"
            + "\"project_id\":\""
            + TestServer.PROJECT_ID
            + "\"}";
    assertThat(api.checkResponse("POST", path, postFault(fault))).isEmpty();
    assertThat(api.checkResponse("POST", path, postFault("{\"operation\":\"x\"}"))).isEmpty();
    assertThat(api.checkResponse("GET", path, http.send("GET", path, null, Map.of()))).isEmpty();
    assertThat(api.checkResponse("DELETE", path, http.send("DELETE", path, null, Map.of())))
        .isEmpty();
  }

  @Test
  void delete_clearsOneOperationsFaultsOrAll_andGetListsThem() {
    postFault("{\"operation\":\"sign\",\"latency_ms\":5}");
    postFault("{\"operation\":\"verify\",\"latency_ms\":5}");
    assertThat(faults()).hasSize(2);
    Http.Response one = http.send("DELETE", "/keyloom/v1/faults?operation=sign", null, Map.of());
    assertThat(one.json().path("cleared").asInt()).isEqualTo(1);
    assertThat(faults())
        .singleElement()
        .satisfies(f -> assertThat(f.path("operation").asText()).isEqualTo("verify"));
    assertThat(
            http.send("DELETE", "/keyloom/v1/faults", null, Map.of())
                .json()
                .path("cleared")
                .asInt())
        .isEqualTo(1);
    assertThat(faults()).isEmpty();
  }

  @Test
  void anInjected4xx_reachesTheSdkAsAClientRequestException() {
    postFault("{\"operation\":\"sign\",\"status\":404,\"error_code\":\"KMS.0207\",\"count\":1}");
    assertThatThrownBy(FaultsIT::sign)
        .isInstanceOfSatisfying(
            ClientRequestException.class,
            e -> {
              assertThat(e.getHttpStatusCode()).isEqualTo(404);
              assertThat(e.getErrorCode()).isEqualTo("KMS.0207");
              assertThat(e.getErrorMsg()).isEqualTo("The key does not exist.");
            });
  }

  /** Runs {@code call} {@code calls} times on {@code threads} threads; each call's milliseconds. */
  static List<Long> timedConcurrently(int calls, int threads, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(
            pool.submit(
                () -> {
                  long start = System.nanoTime();
                  call.run();
                  return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }));
      }
      List<Long> millis = new ArrayList<>();
      for (Future<Long> f : results) {
        millis.add(f.get(60, TimeUnit.SECONDS));
      }
      return millis;
    } finally {
      pool.shutdownNow();
    }
  }
}
