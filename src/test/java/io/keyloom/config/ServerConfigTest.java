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
        0,
        Optional.empty(),
        true,
        null,
        Optional.empty());
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

  static ServerConfig withAuditLog(String auditLog) {
    ServerConfig c = withTokenTtl(Duration.ofHours(1));
    return new ServerConfig(
        c.host(),
        c.port(),
        c.dataDir(),
        c.seedFile(),
        c.maxBodyBytes(),
        c.tokenTtl(),
        c.keyQuota(),
        c.tls(),
        c.publicUrl(),
        c.connections(),
        c.emulator(),
        c.throttle(),
        Optional.ofNullable(auditLog),
        c.metrics(),
        c.rootKey(),
        Optional.empty());
  }

  @Test
  void auditLog_defaultsToTheDataDir_andMayNotBeBlank() {
    assertThat(withTokenTtl(Duration.ofHours(1)).auditLog()).isEmpty();
    assertThat(withAuditLog(null).auditLog()).isEmpty();
    assertThat(withAuditLog("-").auditLog()).contains("-");
    assertThatThrownBy(() -> withAuditLog(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--audit-log must not be empty");
  }
}
