package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keyloom.config.ConnectionLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The idle timeout is for idle clients: one waiting for a slow answer is not cut off. */
class SlowAnswerIT {
  static final Duration IDLE = Duration.ofMillis(100);

  @Test
  void requestAnsweredAfterMoreThanTheIdleTimeout_isAnswered() throws Exception {
    Duration long_ = Duration.ofSeconds(10);
    try (TestServer server = TestServer.start(new ConnectionLimits(IDLE, long_, long_, 768))) {
      String token =
          new Http(server.endpoint())
              .token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      String body = "{\"key_alias\":\"slow\",\"key_spec\":\"RSA_4096\"}";
      int port = Integer.parseInt(server.endpoint().replaceAll(".*:", ""));
      try (RawConnection c = new RawConnection(port, Duration.ofSeconds(60))) {
        long start = System.nanoTime();
        c.send(
            "POST /v1.0/"
                + TestServer.PROJECT_ID
                + "/kms/create-key HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length()
                + "\r\n\r\n"
                + body);
        RawConnection.Response r = c.read();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r).as("answered after %s", took).isNotNull();
        assertThat(r.status()).isEqualTo(200);
        assumeTrue(took.compareTo(IDLE.multipliedBy(2)) > 0, "RSA key generation was fast");
      }
    }
  }
}
