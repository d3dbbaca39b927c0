package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.ConnectionLimits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 over TLS (ALPN h2) cannot hold the connection cap: a connection without a stream in
 * progress is waiting, whatever PINGs it sends, and a stream's request has a deadline.
 */
class Http2LimitsIT {
  static final int CAP = 3;
  static final Duration HEADER = Duration.ofMillis(400);
  static final Duration BODY = Duration.ofMillis(600);
  static final Duration SLACK = Duration.ofSeconds(2);
  static TestCa ca;
  TestServer server;
  int port;
  final List<H2Connection> connections = new ArrayList<>();
  final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor();

  @BeforeAll
  static void createCa() {
    ca = TestCa.create();
  }

  @AfterAll
  static void deleteKeys() {
    ca.close();
  }

  void start(Duration idle) {
    server =
        TestServer.startTls(
            ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.PKCS8),
            new ConnectionLimits(idle, HEADER, BODY, CAP));
    port = URI.create(server.endpoint()).getPort();
  }

  @AfterEach
  void stop() throws IOException {
    pinger.shutdownNow();
    for (H2Connection c : connections) {
      c.close();
    }
    server.close();
  }

  H2Connection pinging() throws Exception {
    H2Connection c = new H2Connection(ca, port, 1000);
    connections.add(c);
    pinger.scheduleWithFixedDelay(
        () -> {
          try {
            c.ping();
          } catch (IOException e) {
            // closed by the server
          }
        },
        0,
        200,
        TimeUnit.MILLISECONDS);
    Thread.sleep(100); // accepted in this order
    return c;
  }

  @Test
  void atTheCap_h2ConnectionsThatOnlyPing_doNotKeepAFreshClientOut() throws Exception {
    start(Duration.ofSeconds(30));
    for (int i = 0; i < CAP; i++) {
      pinging();
    }
    Thread.sleep(500);
    for (HttpClient.Version version : HttpClient.Version.values()) {
      assertThat(TlsIT.get(ca, server, version, "/health").statusCode()).isEqualTo(200);
    }
    assertThat(connections.get(0).awaitClose(SLACK)).as("the longest waiting is shed").isTrue();
  }

  @Test
  void h2Connection_thatOnlyPings_isClosedAfterTheIdleTimeout() throws Exception {
    Duration idle = Duration.ofSeconds(1);
    start(idle);
    H2Connection c = pinging();
    long start = System.nanoTime();
    assertThat(c.awaitClose(idle.plus(SLACK))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(idle.dividedBy(2));
  }

  @Test
  void h2Connection_thatNeverOpensItsWindowForTheAnswer_andPings_isClosed() throws Exception {
    Duration idle = Duration.ofSeconds(1);
    start(idle);
    H2Connection c = pinging();
    c.setting(4, 0); // SETTINGS_INITIAL_WINDOW_SIZE: the server may send no DATA
    c.head(1, "GET", "/health", true);
    long start = System.nanoTime();
    assertThat(c.awaitClose(idle.multipliedBy(2).plus(SLACK))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(idle.dividedBy(2));
  }

  @Test
  void h2Stream_whoseBodyNeverEnds_isAnswered408_andTheConnectionServesOtherStreams()
      throws Exception {
    start(Duration.ofSeconds(30));
    H2Connection c = new H2Connection(ca, port, 5000);
    connections.add(c);
    long start = System.nanoTime();
    c.head(1, "POST", "/v3/auth/tokens", false);
    pinger.scheduleWithFixedDelay(
        () -> {
          try {
            c.data(1, " ");
          } catch (IOException e) {
            // reset or closed
          }
        },
        0,
        100,
        TimeUnit.MILLISECONDS);
    StringBuilder body = new StringBuilder();
    H2Connection.Frame end = c.readUntilEnd(1, body);
    assertThat(end).as("the stream is answered or reset, not the connection closed").isNotNull();
    assertThat(body.toString()).contains("\"error_code\":\"KMS.0214\"");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(HEADER.plus(BODY).plus(SLACK));
    pinger.shutdownNow();
    StringBuilder health = new StringBuilder();
    c.head(3, "GET", "/health", true);
    assertThat(c.readUntilEnd(3, health)).isNotNull();
    assertThat(health.toString()).contains("\"status\":\"UP\"");
  }

  @Test
  void h2Client_makingRequestsSpacedBelowTheIdleTimeout_isServedEveryTimeOnOneConnection()
      throws Exception {
    start(Duration.ofMillis(1500));
    H2Connection c = new H2Connection(ca, port, 3000);
    connections.add(c);
    for (int i = 0; i < 5; i++) {
      StringBuilder health = new StringBuilder();
      c.head(1 + 2 * i, "GET", "/health", true);
      assertThat(c.readUntilEnd(1 + 2 * i, health)).as("request %d", i).isNotNull();
      assertThat(health.toString()).contains("\"status\":\"UP\"");
      Thread.sleep(1000); // longer than the head and body deadlines together
    }
  }
}
