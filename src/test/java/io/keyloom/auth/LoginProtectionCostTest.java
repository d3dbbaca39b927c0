package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Login protection's dummy hash costs the start nothing, and an unknown user one Argon2 run. */
class LoginProtectionCostTest {
  @Test
  void makingLoginProtection_runsNoArgon2() {
    PasswordHasher hasher = new PasswordHasher(new SecureRandom());
    new LoginProtection(hasher, Clock.systemUTC());
    assertThat(hasher.runs()).isZero();
  }

  @Test
  void anUnknownUser_costsOneArgon2Run_likeAKnownOne_andNeverLogsIn() {
    PasswordHasher hasher = new PasswordHasher(new SecureRandom());
    LoginProtection protection = new LoginProtection(hasher, Clock.systemUTC());
    String subject = LoginProtection.unknownSubject("acme", "nobody");

    assertThat(protection.attempt(subject, "127.0.0.1", "anything", Optional.empty())).isFalse();
    assertThat(hasher.runs()).isEqualTo(1);
  }
}
