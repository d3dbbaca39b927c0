package io.keyloom.it;

import static io.keyloom.it.OperatorContractIT.keyloom;
import static io.keyloom.it.OperatorContractIT.serve;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection flags of {@code keyloom serve}: named in --help, validated, env twins honoured.
 */
class ConnectionFlagsIT {
  /** Data directories of the started processes; JUnit deletes it after each test. */
  @TempDir Path dir;

  @Test
  void serveHelp_namesTheConnectionFlagsAndTheirEnvTwins() throws Exception {
    Process p = keyloom("serve", "--help").start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(text)
        .contains(
            "--idle-timeout",
            "KEYLOOM_IDLE_TIMEOUT",
            "--header-timeout",
            "KEYLOOM_HEADER_TIMEOUT",
            "--body-timeout",
            "KEYLOOM_BODY_TIMEOUT",
            "--max-connections",
            "KEYLOOM_MAX_CONNECTIONS");
  }

  @Test
  void badDurationOrCap_stopsTheStartWithOneLine() throws Exception {
    String[][] cases = {
      {"--header-timeout", "10x"},
      {"--idle-timeout", "0"},
      {"--body-timeout", "2h"},
      {"--max-connections", "0"}
    };
    for (String[] flag : cases) {
      Process p =
          keyloom("serve", "--port", "0", "--data-dir", dir.toString(), flag[0], flag[1]).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(flag[0]).isEqualTo(1);
      assertThat(text.strip()).as(flag[0]).startsWith("keyloom: " + flag[0] + " must be");
      assertThat(text.strip().lines()).hasSize(1);
    }
  }

  @Test
  void envTwins_setTheTimeoutsAndTheCap() throws Exception {
    ProcessBuilder pb = keyloom("serve", "--port", "0", "--data-dir", dir.toString());
    pb.environment().put("KEYLOOM_HEADER_TIMEOUT", "1s");
    pb.environment().put("KEYLOOM_BODY_TIMEOUT", "1500ms");
    pb.environment().put("KEYLOOM_IDLE_TIMEOUT", "3");
    pb.environment().put("KEYLOOM_MAX_CONNECTIONS", "1");
    try (OperatorContractIT.Started s = serve(pb)) {
      try (RawConnection silent = new RawConnection(s.port(), Duration.ofMillis(2500))) {
        assertThat(silent.awaitClose()).as("KEYLOOM_HEADER_TIMEOUT=1s").isTrue();
      }
      try (RawConnection busy = new RawConnection(s.port(), Duration.ofMillis(3000))) {
        busy.send("POST /v3/auth/tokens HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n{");
        Thread.sleep(300); // the head has arrived: busy, not a waiting connection to shed
        try (RawConnection second = new RawConnection(s.port(), Duration.ofSeconds(1))) {
          assertThat(second.read().status()).as("KEYLOOM_MAX_CONNECTIONS=1").isEqualTo(503);
        }
        assertThat(busy.read().status()).as("KEYLOOM_BODY_TIMEOUT=1500ms").isEqualTo(408);
      }
      try (RawConnection idle = new RawConnection(s.port(), Duration.ofMillis(5500))) {
        idle.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(idle.read().status()).isEqualTo(200);
        long start = System.nanoTime();
        assertThat(idle.awaitClose()).as("KEYLOOM_IDLE_TIMEOUT=3").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start))
            .isGreaterThan(Duration.ofSeconds(2));
      }
    }
  }
}
