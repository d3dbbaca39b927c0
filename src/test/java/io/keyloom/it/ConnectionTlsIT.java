package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.ConnectionLimits;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deadlines on the HTTPS listener: the handshake and the head are bounded there too. */
class ConnectionTlsIT {
  static final Duration HEADER = Duration.ofSeconds(1);
  static final Duration SLACK = Duration.ofSeconds(3);
  static TestCa ca;
  static TestServer server;
  static int port;

  @BeforeAll
  static void start() {
    ca = TestCa.create();
    server =
        TestServer.startTls(
            ca.writeServer(TestCa.KeyType.EC_P256, TestCa.KeyFormat.PKCS8),
            new ConnectionLimits(Duration.ofSeconds(30), HEADER, HEADER, 768));
    port = URI.create(server.endpoint()).getPort();
  }

  @AfterAll
  static void stop() {
    server.close();
    ca.close();
  }

  static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Test
  void connectionThatNeverStartsTheHandshake_isClosedAfterTheHeaderTimeout() throws IOException {
    try (RawConnection c = new RawConnection(port, HEADER.plus(SLACK).plus(SLACK))) {
      long start = System.nanoTime();
      assertThat(c.awaitClose()).isTrue();
      assertThat(since(start)).isLessThan(HEADER.plus(SLACK));
    }
  }

  @Test
  void requestHead_sentAByteAtATimeOverTls_isAnswered408AfterTheHeaderTimeout() throws IOException {
    SSLSocket socket =
        (SSLSocket) ca.clientContext().getSocketFactory().createSocket("127.0.0.1", port);
    socket.startHandshake();
    try (RawConnection c = new RawConnection(socket, HEADER.plus(SLACK).plus(SLACK))) {
      long start = System.nanoTime();
      c.trickle(
          "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Pad: " + "a".repeat(300) + "\r\n\r\n",
          Duration.ofMillis(100));
      RawConnection.Response r = c.read();
      assertThat(r).isNotNull();
      assertThat(r.status()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("KMS.0214");
      assertThat(since(start)).isLessThan(HEADER.plus(SLACK));
    }
  }
}
