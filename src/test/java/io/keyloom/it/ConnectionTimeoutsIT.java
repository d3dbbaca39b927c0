package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.ConnectionLimits;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Header, body and idle deadlines against clients that are slow on purpose (slowloris), with short
 * timeouts so each test takes seconds: head 1 s, body 1 s, idle 5 s.
 */
class ConnectionTimeoutsIT {
  static final Duration HEADER = Duration.ofSeconds(1);
  static final Duration BODY = Duration.ofSeconds(1);
  static final Duration IDLE = Duration.ofSeconds(5);
  static final Duration SLACK = Duration.ofMillis(3000);
  static final Duration TRICKLE = Duration.ofMillis(100);
  static final String GET = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  static final String SLOW_HEAD =
      "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "a".repeat(300) + "\r\n\r\n";
  static TestServer server;
  static int port;

  @BeforeAll
  static void startServer() {
    server = TestServer.start(new ConnectionLimits(IDLE, HEADER, BODY, 768));
    port = Integer.parseInt(server.endpoint().substring(server.endpoint().lastIndexOf(':') + 1));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  static void assertTimeoutAnswer(RawConnection.Response r) {
    assertThat(r).as("a 408 answer before the close").isNotNull();
    assertThat(r.status()).isEqualTo(408);
    assertThat(r.errorCode()).isEqualTo("KMS.0214");
    assertThat(r.headers().get("content-type")).startsWith("application/json");
    assertThat(r.headers().get("x-request-id")).matches("[0-9a-f]{32}");
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Test
  void requestHead_sentAByteAtATime_isAnswered408AndClosedAfterTheHeaderTimeout()
      throws IOException {
    try (RawConnection c = new RawConnection(port, HEADER.plus(SLACK).plus(SLACK))) {
      long start = System.nanoTime();
      c.trickle(SLOW_HEAD, TRICKLE);
      RawConnection.Response r = c.read();
      assertTimeoutAnswer(r);
      assertThat(since(start)).isBetween(HEADER.minusMillis(100), HEADER.plus(SLACK));
      assertThat(c.awaitClose()).isTrue();
    }
  }

  @Test
  void requestBody_sentAByteAtATime_isAnswered408AndClosedAfterTheBodyTimeout() throws IOException {
    try (RawConnection c = new RawConnection(port, BODY.plus(SLACK).plus(SLACK))) {
      c.send(
          "POST /v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 300\r\n\r\n");
      long start = System.nanoTime();
      c.trickle("{\"a\":\"" + "b".repeat(290) + "\"}", TRICKLE);
      RawConnection.Response r = c.read();
      assertTimeoutAnswer(r);
      assertThat(since(start)).isBetween(BODY.minusMillis(100), BODY.plus(SLACK));
      assertThat(c.awaitClose()).isTrue();
    }
  }

  @Test
  void keepAliveRequest_trickledAfterAnAnsweredOne_isAnswered408AfterTheHeaderTimeout()
      throws IOException {
    try (RawConnection c = new RawConnection(port, HEADER.plus(SLACK).plus(SLACK))) {
      c.send(GET);
      assertThat(c.read().status()).isEqualTo(200);
      long start = System.nanoTime();
      c.trickle(SLOW_HEAD, TRICKLE);
      assertTimeoutAnswer(c.read());
      assertThat(since(start)).isBetween(HEADER.minusMillis(100), HEADER.plus(SLACK));
    }
  }

  @Test
  void silentConnection_isClosedWithoutAnswerAfterTheHeaderTimeout() throws IOException {
    try (RawConnection c = new RawConnection(port, HEADER.plus(SLACK).plus(SLACK))) {
      long start = System.nanoTime();
      assertThat(c.read()).isNull();
      assertThat(since(start)).isBetween(HEADER.minusMillis(100), HEADER.plus(SLACK));
    }
  }

  @Test
  void idleKeepAliveConnection_isClosedAfterTheIdleTimeout() throws IOException {
    try (RawConnection c = new RawConnection(port, IDLE.plus(SLACK).plus(SLACK))) {
      c.send(GET);
      assertThat(c.read().status()).isEqualTo(200);
      long start = System.nanoTime();
      assertThat(c.awaitClose()).as("closed by the server").isTrue();
      assertThat(since(start)).isBetween(IDLE.dividedBy(2), IDLE.plus(SLACK));
    }
  }

  @Test
  void keepAliveClient_withRequestsSpacedOverTheHeaderButUnderTheIdleTimeout_isNotCut()
      throws IOException, InterruptedException {
    try (RawConnection c = new RawConnection(port, IDLE.plus(SLACK))) {
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          Thread.sleep(HEADER.plusMillis(600).toMillis());
        }
        c.send(GET);
        RawConnection.Response r = c.read();
        assertThat(r).as("response %d on the same connection", i).isNotNull();
        assertThat(r.status()).isEqualTo(200);
      }
    }
  }

  @Test
  void pipelinedRequests_areAllAnsweredInOrder() throws IOException {
    try (RawConnection c = new RawConnection(port, IDLE)) {
      c.send(GET + GET + GET);
      for (int i = 0; i < 3; i++) {
        RawConnection.Response r = c.read();
        assertThat(r).as("pipelined response %d", i).isNotNull();
        assertThat(r.status()).isEqualTo(200);
      }
    }
  }
}
