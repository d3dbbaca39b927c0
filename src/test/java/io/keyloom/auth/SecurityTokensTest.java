package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SecurityTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");
  private static final String USER = "0123456789abcdef0123456789abcdef";
  private static final String DOMAIN = "fedcba9876543210fedcba9876543210";

  private static SecurityTokens tokens(byte fill) throws Exception {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, fill);
    return new SecurityTokens(
        ServiceKeys.fixed("k" + fill, SecretBytes.copyOf(key)),
        new SecureRandom(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void issuedCredential_opensWithItsAccessKeyOnly() throws Exception {
    SecurityTokens tokens = tokens((byte) 1);
    TemporaryCredential c = tokens.issue(USER, DOMAIN, Duration.ofMinutes(15));
    SecurityTokens.Claims claims = tokens.open(c.access(), c.securityToken()).orElseThrow();
    assertThat(claims.userId()).isEqualTo(USER);
    assertThat(claims.domainId()).isEqualTo(DOMAIN);
    assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(new String(claims.secret(), StandardCharsets.UTF_8)).isEqualTo(c.secret());

    TemporaryCredential other = tokens.issue(USER, DOMAIN, Duration.ofMinutes(15));
    assertThat(tokens.open(other.access(), c.securityToken())).isEmpty();
    assertThat(c.securityToken()).doesNotContain(c.secret()).doesNotContain(USER);
  }

  @Test
  void alteredOrForeignTokens_doNotOpen() throws Exception {
    SecurityTokens tokens = tokens((byte) 1);
    TemporaryCredential c = tokens.issue(USER, DOMAIN, Duration.ofHours(1));
    String t = c.securityToken();
    int i = t.length() / 2;
    String flipped = t.substring(0, i) + (t.charAt(i) == 'A' ? 'B' : 'A') + t.substring(i + 1);
    assertThat(tokens.open(c.access(), flipped)).isEmpty();
    assertThat(tokens.open(c.access(), t.substring(0, t.length() - 1))).isEmpty();
    assertThat(tokens.open(c.access(), "KLS1.@@@@")).isEmpty();
    assertThat(tokens.open(c.access(), null)).isEmpty();
    assertThat(tokens((byte) 2).open(c.access(), t)).as("another root key").isEmpty();
  }

  @Test
  void lifetime_isFifteenMinutesToOneDay() throws Exception {
    SecurityTokens tokens = tokens((byte) 1);
    assertThat(tokens.issue(USER, DOMAIN, Duration.ofHours(24)).expiresAt())
        .isEqualTo(NOW.plus(Duration.ofHours(24)));
    assertThatThrownBy(() -> tokens.issue(USER, DOMAIN, Duration.ofSeconds(899)))
        .isInstanceOf(IamException.class);
    assertThatThrownBy(() -> tokens.issue(USER, DOMAIN, Duration.ofSeconds(86401)))
        .isInstanceOf(IamException.class);
  }

  @Test
  void toString_redactsSecrets() throws Exception {
    TemporaryCredential c = tokens((byte) 1).issue(USER, DOMAIN, Duration.ofHours(1));
    assertThat(c.toString()).doesNotContain(c.secret()).doesNotContain(c.securityToken());
  }
}
