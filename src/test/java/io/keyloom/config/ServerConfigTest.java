package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  static ServerConfig withTokenTtl(Duration ttl) {
    return new ServerConfig(
        "127.0.0.1",
        0,
        Path.of("data"),
        Optional.empty(),
        ServerConfig.DEFAULT_MAX_BODY_BYTES,
        ttl,
        ServerConfig.DEFAULT_KEY_QUOTA,
        Optional.empty(),
        Optional.empty(),
        ConnectionLimits.defaults(),
        true,
        0);
  }

  @Test
  void tokenLifetime_ofAtMost24Hours_isAccepted() {
    assertThat(withTokenTtl(Duration.ofHours(24)).tokenTtl()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void tokenLifetime_over24Hours_isRefused_becauseVerificationWouldRefuseTheTokens() {
    assertThatThrownBy(() -> withTokenTtl(Duration.ofHours(24).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("24 hours");
  }
}
