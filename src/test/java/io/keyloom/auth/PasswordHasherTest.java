package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

  @Test
  void hash_verifiesOnlyTheRightPassword() {
    String stored = hasher.hash("correct horse");
    assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct");
    assertThat(hasher.verify("correct horse", stored)).isTrue();
    assertThat(hasher.verify("correct horsE", stored)).isFalse();
  }

  @Test
  void hash_isSaltedPerCall() {
    assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
  }

  @Test
  void verify_ofMalformedHashes_isFalseNotAnException() {
    for (String bad :
        new String[] {
          "",
          "$argon2id$",
          "plain",
          "$argon2id$v=19$m=x,t=2,p=1$AA$AA",
          "$argon2i$v=19$m=8,t=1,p=1$AAAA$AAAA"
        }) {
      assertThat(hasher.verify("pw", bad)).as(bad).isFalse();
    }
  }

  @Test
  void unmatchable_hasRealParameters_butNoPasswordMatchesIt_andCostsNoArgon2Run() {
    PasswordHasher counted = new PasswordHasher(new SecureRandom());
    String dummy = counted.unmatchable();
    assertThat(counted.runs()).isZero();
    assertThat(dummy).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(dummy.length()).isEqualTo(counted.hash("x").length());
    assertThat(counted.unmatchable()).isNotEqualTo(dummy);
    for (String pw : new String[] {"", "password", "x"}) {
      assertThat(counted.verify(pw, dummy)).isFalse();
    }
  }

  @Test
  void runs_countsEveryArgon2Run() {
    PasswordHasher counted = new PasswordHasher(new SecureRandom());
    String stored = counted.hash("pw");
    counted.verify("pw", stored);
    counted.verify("other", stored);
    assertThat(counted.runs()).isEqualTo(3);
  }
}
