package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

  @Test
  void parseDuration_acceptsMillisSecondsMinutesAndPlainSeconds() {
    assertThat(ConnectionLimits.parseDuration("--x", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ConnectionLimits.parseDuration("--x", "10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(ConnectionLimits.parseDuration("--x", "2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ConnectionLimits.parseDuration("--x", "45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(ConnectionLimits.parseDuration("--x", " 3S ")).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void parseDuration_withAnythingElse_namesTheFlag() {
    for (String bad : new String[] {"", "-1s", "1.5s", "10x", "1h", "s", "1 s", "9999999999"}) {
      assertThatThrownBy(() -> ConnectionLimits.parseDuration("--body-timeout", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--body-timeout must be");
    }
  }

  @Test
  void limits_outsideTheirRange_areRefused() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new ConnectionLimits(Duration.ZERO, s, s, 10))
        .hasMessageStartingWith("--idle-timeout must be");
    assertThatThrownBy(() -> new ConnectionLimits(s, Duration.ofMinutes(61), s, 10))
        .hasMessageStartingWith("--header-timeout must be");
    assertThatThrownBy(() -> new ConnectionLimits(s, s, null, 10))
        .hasMessageStartingWith("--body-timeout must be");
    assertThatThrownBy(() -> new ConnectionLimits(s, s, s, 0))
        .hasMessageStartingWith("--max-connections must be");
  }

  @Test
  void defaults_matchTheDocumentedValues() {
    ConnectionLimits d = ConnectionLimits.defaults();
    assertThat(d.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.headerTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.bodyTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.maxConnections()).isEqualTo(768);
  }
}
