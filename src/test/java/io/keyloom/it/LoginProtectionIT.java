package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login protection of {@code POST /v3/auth/tokens} (docs/login-protection.md): per-user lock, per-
 * address throttle, and no user enumeration by timing. Time moves with the server's test clock.
 */
class LoginProtectionIT extends ServerIT {
  static final String WRONG = "The username or password is wrong.";

  @BeforeEach
  void freshWindows() {
    server.clock().advance(Duration.ofHours(1));
  }

  static Http.Response attempt(String domain, String user, String password) {
    String body =
        """
        {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%s",\
        "password":"%s","domain":{"name":"%s"}}}},"scope":{"project":{"name":"cn-north-4"}}}}"""
            .formatted(user, password, domain);
    return http.post("/v3/auth/tokens", body, Map.of());
  }

  static Http.Response alice(String password) {
    return attempt(TestServer.DOMAIN, TestServer.USER, password);
  }

  static void failTimes(String user, int times) {
    for (int i = 0; i < times; i++) {
      Http.Response r = attempt(TestServer.DOMAIN, user, "wrong-" + i);
      assertThat(r.status()).as(r.text()).isEqualTo(401);
      assertThat(r.json().at("/error/message").asText()).isEqualTo(WRONG);
    }
  }

  @Test
  void fiveWrongPasswords_lockTheUser_evenAgainstTheRightPassword_untilTheLockEnds() {
    failTimes(TestServer.USER, 5);
    Http.Response locked = alice(TestServer.PASSWORD);
    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.json().at("/error/message").asText()).contains("locked");
    server.clock().advance(Duration.ofMinutes(14));
    assertThat(alice(TestServer.PASSWORD).status()).isEqualTo(401);
    server.clock().advance(Duration.ofMinutes(1));
    assertThat(alice(TestServer.PASSWORD).status()).isEqualTo(201);
  }

  @Test
  void unknownUser_isLockedLikeAKnownOne() {
    failTimes("mallory", 5);
    Http.Response r = attempt(TestServer.DOMAIN, "mallory", "anything");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().at("/error/message").asText()).contains("locked");
  }

  @Test
  void aSuccessfulLogin_clearsTheUsersFailures() {
    failTimes(TestServer.USER, 4);
    assertThat(alice(TestServer.PASSWORD).status()).isEqualTo(201);
    failTimes(TestServer.USER, 4);
    assertThat(alice(TestServer.PASSWORD).status()).isEqualTo(201);
  }

  @Test
  void twentyFailuresFromOneAddress_throttleIt_with429InTheGatewayShape() {
    for (int i = 0; i < 20; i++) {
      failTimes("sprayed-" + i, 1);
    }
    Http.Response r = alice(TestServer.PASSWORD);
    assertThat(r.status()).isEqualTo(429);
    assertThat(r.json().path("error_code").asText()).isEqualTo("APIGW.0308");
    assertThat(r.json().path("error_msg").asText())
        .startsWith("The throttling threshold has been reached");
    assertThat(r.json().path("request_id").asText()).isEqualTo(r.header("X-Request-Id"));
    server.clock().advance(Duration.ofMinutes(15));
    assertThat(alice(TestServer.PASSWORD).status()).isEqualTo(201);
  }

  @Test
  void unknownUserOrDomain_answersAsSlowlyAsAKnownUserWithAWrongPassword() {
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int i = -2; i < 15; i++) { // two warm-up rounds
      if (i % 2 == 0) {
        server.clock().advance(Duration.ofMinutes(16)); // stay below both limits
      }
      long u =
          i % 2 == 0
              ? timed(TestServer.DOMAIN, "nobody-" + i)
              : timed("no-such-domain", TestServer.USER);
      long k = timed(TestServer.DOMAIN, TestServer.USER);
      if (i >= 0) {
        unknown.add(u);
        known.add(k);
      }
    }
    double ratio = (double) median(unknown) / median(known);
    assertThat(Math.max(ratio, 1 / ratio)).as("unknown/known = %.2f", ratio).isLessThan(1.5);
  }

  static long timed(String domain, String user) {
    long start = System.nanoTime();
    Http.Response r = attempt(domain, user, "not-the-password");
    long elapsed = System.nanoTime() - start;
    assertThat(r.status()).as(r.text()).isEqualTo(401);
    assertThat(r.json().at("/error/message").asText()).isEqualTo(WRONG);
    return elapsed;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
