package io.keyloom.it;

import static io.keyloom.it.KmsErrors.assertKmsError;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET/POST /keyloom/v1/clock}: moving the server's clock makes deletion windows, token
 * expiry and login locks pass in seconds, while SDK clients that sign with the real time keep
 * working (docs/emulator.md).
 */
class EmulatorClockIT extends ServerIT {
  static KmsClient alice;

  @BeforeAll
  static void sdkClient() {
    alice = Sdk.alice(server);
  }

  @AfterEach
  void resetTheEmulator() {
    assertThat(reset().status()).isEqualTo(200);
  }

  static Http.Response reset() {
    return http.post("/keyloom/v1/reset", null, Map.of());
  }

  static Http.Response move(String body) {
    return http.post("/keyloom/v1/clock", body, Map.of());
  }

  static long now() {
    Http.Response r = http.send("GET", "/keyloom/v1/clock", null, Map.of());
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().path("now").asLong();
  }

  @Test
  void get_answersTheServersTime_withoutCredentials() {
    long before = server.clock().millis();
    long now = now();
    assertThat(now).isBetween(before, server.clock().millis());
  }

  @Test
  void advance_movesTheClockForward_andAnswersTheNewTime() {
    long before = now();
    Http.Response r = move("{\"advance\":\"8d\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    long moved = r.json().path("now").asLong();
    assertThat(moved - before)
        .isBetween(Duration.ofDays(8).toMillis(), Duration.ofDays(8).toMillis() + 5_000);
    assertThat(now()).isGreaterThanOrEqualTo(moved);
    assertThat(move("{\"advance\":\"90m\"}").json().path("now").asLong() - moved)
        .isBetween(Duration.ofMinutes(90).toMillis(), Duration.ofMinutes(90).toMillis() + 5_000);
  }

  @Test
  void set_movesTheClockToTheGivenTime_backwardsToo() {
    long target = now() + Duration.ofDays(400).toMillis();
    assertThat(move("{\"set\":" + target + "}").json().path("now").asLong()).isEqualTo(target);
    assertThat(now()).isBetween(target, target + 5_000);
    long past = 1_600_000_000_000L; // September 2020
    assertThat(move("{\"set\":" + past + "}").json().path("now").asLong()).isEqualTo(past);
    assertThat(now()).isBetween(past, past + 5_000);
  }

  @Test
  void advancePastTheDeletionDate_destroysTheKeyAtOnce() {
    String keyId = LifecycleCalls.create(alice);
    String cipher = Keys.encrypt(alice, keyId, null, "secret").getCipherText();
    LifecycleCalls.schedule(alice, keyId, "7");
    assertThat(move("{\"advance\":\"6d\"}").status()).isEqualTo(200);
    assertThat(StoreFiles.keyRows(server, keyId)).as("a day before its date").hasSize(1);

    assertThat(move("{\"advance\":\"1d\"}").status()).isEqualTo(200);
    assertThat(StoreFiles.keyRows(server, keyId))
        .as("the clock move ran the deletion sweep: no row left")
        .isEmpty();
    assertThat(StoreFiles.material(server, keyId)).isEmpty();
    assertThat(server.sweepDeletions()).as("nothing left for the periodic sweep").isZero();
    assertKmsError(() -> LifecycleCalls.describe(alice, keyId), 404, "KMS.0207");
    assertKmsError(() -> Keys.decrypt(alice, null, "SYMMETRIC_DEFAULT", cipher), 404, "KMS.0207");
  }

  @Test
  void advancePastTheTokenLifetime_expiresTokens_butTheSdkKeepsSigning() {
    String fresh =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    assertThat(
            call("create-key", "{\"key_alias\":\"" + LifecycleCalls.alias("tok") + "\"}").status())
        .isEqualTo(200);
    assertThat(move("{\"advance\":\"25h\"}").status()).isEqualTo(200);

    Http.Response old =
        http.kms(fresh, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"late\"}");
    assertThat(old.status()).as(old.text()).isEqualTo(403);
    assertThat(old.errorCode()).isEqualTo("KMS.0303");
    String keyId = LifecycleCalls.create(alice);
    assertThat(Sdk.roundTrip(alice, keyId, "still signing with the real time"))
        .as("AK/SK dates are compared with the real clock, not the moved one")
        .isEqualTo("still signing with the real time");
    String newToken =
        http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
    assertThat(http.kms(newToken, TestServer.PROJECT_ID, "list-keys", "{}").status())
        .as("a token issued after the move is valid")
        .isEqualTo(200);
  }

  @Test
  void advancePastTheLoginLock_unlocksTheUser() {
    for (int i = 0; i < 5; i++) {
      login("wrong-password");
    }
    assertThat(login(TestServer.PASSWORD).status()).as("locked").isEqualTo(401);
    assertThat(move("{\"advance\":\"16m\"}").status()).isEqualTo(200);
    assertThat(login(TestServer.PASSWORD).status()).isEqualTo(201);
  }

  static Http.Response login(String password) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"alice",\
        "password":"%s","domain":{"name":"acme"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"""
            .formatted(password);
    return http.post("/v3/auth/tokens", body, Map.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|KMS.0204",
        "{\"advance\":null}|KMS.0204",
        "{\"advance\":\"8w\"}|KMS.0308",
        "{\"advance\":\"0d\"}|KMS.0308",
        "{\"advance\":\"-1d\"}|KMS.0308",
        "{\"advance\":\"8\"}|KMS.0308",
        "{\"advance\":\"1.5d\"}|KMS.0308",
        "{\"advance\":\" 8d\"}|KMS.0308",
        "{\"advance\":\"8d\",\"set\":0}|KMS.0308",
        "{\"advance\":\"999999999d\"}|KMS.0308",
        "{\"set\":-1}|KMS.0308",
        "{\"set\":253402300800000}|KMS.0308",
        "{\"set\":\"1700000000000\"}|KMS.0202",
        "{\"set\":1.5}|KMS.0202",
        "{\"set\":99999999999999999999999}|KMS.0202",
        "{\"advance\":8}|KMS.0202",
        "[]|KMS.0202",
        "not json|KMS.0202",
      })
  void badClockRequests_are400_andLeaveTheClockAlone(String body, String code) {
    long before = now();
    Http.Response r = move(body);
    assertThat(r.status()).as(r.text()).isEqualTo(400);
    assertThat(r.errorCode()).as(r.text()).isEqualTo(code);
    assertThat(r.json().path("error").path("error_msg").asText()).isNotBlank();
    assertThat(now()).isBetween(before, before + 5_000);
  }

  @Test
  void emptyBody_isKms0202_andWrongMethod_is405() {
    assertThat(move("").errorCode()).isEqualTo("KMS.0202");
    Http.Response r = http.send("GET", "/keyloom/v1/reset", null, Map.of());
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("KMS.0215");
    assertThat(http.send("GET", "/keyloom/v1/nothing", null, Map.of()).status()).isEqualTo(404);
  }
}
