package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.ConnectionLimits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cap on open connections (4 here): slow connections are shed for fresh clients, else 503. */
class ConnectionCapIT {
  static final int CAP = 4;
  static final Duration HEADER = Duration.ofSeconds(3);
  static final Duration BODY = Duration.ofSeconds(2);
  static final String GET = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  TestServer server;
  int port;
  final List<RawConnection> slow = new ArrayList<>();

  @BeforeEach
  void startServer() {
    server = TestServer.start(new ConnectionLimits(Duration.ofSeconds(10), HEADER, BODY, CAP));
    port = Integer.parseInt(server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1));
  }

  @AfterEach
  void stopServer() throws IOException {
    for (RawConnection c : slow) {
      c.close();
    }
    server.close();
  }

  RawConnection open(String firstBytes) throws IOException, InterruptedException {
    RawConnection c = new RawConnection(port, Duration.ofSeconds(1));
    slow.add(c);
    c.send(firstBytes);
    Thread.sleep(100); // accepted in this order
    return c;
  }

  RawConnection.Response fresh() throws IOException {
    try (RawConnection c = new RawConnection(port, Duration.ofSeconds(2))) {
      c.send(GET);
      return c.read();
    }
  }

  @Test
  void atTheCap_aFreshClientIsServedAndTheLongestWaitingHeadReaderIsShed() throws Exception {
    for (int i = 0; i < CAP; i++) {
      open("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: a"); // a head that never ends
    }
    RawConnection.Response r = fresh();
    assertThat(r).as("the fresh client is answered").isNotNull();
    assertThat(r.status()).isEqualTo(200);
    assertThat(slow.get(0).awaitClose()).as("the oldest slow connection is shed").isTrue();
    slow.get(CAP - 1).readTimeout(Duration.ofMillis(300));
    assertThat(slow.get(CAP - 1).awaitClose()).as("the newest slow connection stays").isFalse();
  }

  @Test
  void atTheCap_withEveryConnectionBusy_aNewOneGets503_andAfterTheBodyTimeoutFreshOnesAreServed()
      throws Exception {
    for (int i = 0; i < CAP; i++) {
      open(
          "POST /v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"a\":");
    }
    try (RawConnection c = new RawConnection(port, Duration.ofSeconds(2))) {
      RawConnection.Response refused = c.read();
      assertThat(refused).as("the connection over the cap is answered").isNotNull();
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.errorCode()).isEqualTo("KMS.0104");
      assertThat(refused.headers().get("x-request-id")).matches("[0-9a-f]{32}");
      assertThat(c.awaitClose()).isTrue();
    }
    for (RawConnection c : slow) {
      c.readTimeout(BODY.plusSeconds(3));
      assertThat(c.read().status()).as("the busy ones time out").isEqualTo(408);
    }
    RawConnection.Response r = fresh();
    assertThat(r).isNotNull();
    assertThat(r.status()).isEqualTo(200);
  }
}
