package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that ignores {@code Retry-After} gets its further 429s on the same connection no sooner
 * than Retry-After apart (docs/executors.md "Backoff"); everyone else is answered at once.
 */
class BackoffIT extends ServerIT {

  @Test
  void aClientThatIgnoresRetryAfter_getsEachFurther429OnlyAfterRetryAfter() throws IOException {
    server.clock().advance(Duration.ofHours(1)); // fresh login windows
    for (int i = 0; i < 20; i++) {
      LoginProtectionIT.failTimes("backoff-" + i, 1); // throttles this address: 429 from now on
    }
    URI endpoint = URI.create(server.endpoint());
    byte[] login = loginRequest(endpoint.getPort());
    List<Long> answeredAt = new ArrayList<>();
    try (Socket socket = new Socket("127.0.0.1", endpoint.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      for (int i = 0; i < 3; i++) {
        out.write(login);
        out.flush();
        RawHttp.Exchange e = RawHttp.read(in, false);
        assertThat(e.status()).as(e.body()).isEqualTo(429);
        assertThat(e.header("Retry-After")).isNotNull();
        assertThat(e.body()).contains("APIGW.0308");
        answeredAt.add(System.nanoTime());
      }
    }
    // Slots are one second apart: the third refusal comes two seconds after the first at least.
    assertThat(Duration.ofNanos(answeredAt.get(2) - answeredAt.get(0)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
    // A well-behaved request on another connection is not held back.
    assertThat(http.send("GET", "/health", "", java.util.Map.of()).status()).isEqualTo(200);
    server.clock().advance(Duration.ofMinutes(15));
  }

  private static byte[] loginRequest(int port) {
    String body =
        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":"
            + "\"alice\",\"password\":\"x\",\"domain\":{\"name\":\"acme\"}}}}}}";
    String head =
        "POST /v3/auth/tokens HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.getBytes(StandardCharsets.UTF_8).length
            + "\r\n\r\n";
    return (head + body).getBytes(StandardCharsets.UTF_8);
  }
}
