package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final byte[] KEY = new byte[32];
  static final String USER = "0123456789abcdef0123456789abcdef";

  static TokenCodec at(Instant now) {
    return new TokenCodec("k1", KEY, Clock.fixed(now, ZoneOffset.UTC));
  }

  static String issue() {
    return at(NOW).issue(new TokenClaims(USER, "d", "p", NOW, NOW.plus(Duration.ofHours(24))));
  }

  static ErrorCode codeOf(Runnable r) {
    try {
      r.run();
      throw new AssertionError("expected a KmsException");
    } catch (KmsException e) {
      return e.error();
    }
  }

  @Test
  void verify_returnsTheIssuedClaims() {
    TokenClaims c = at(NOW.plusSeconds(60)).verify(issue());
    assertThat(c.userId()).isEqualTo(USER);
    assertThat(c.domainId()).isEqualTo("d");
    assertThat(c.projectId()).isEqualTo("p");
    assertThat(c.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void verify_atOrAfterExpiry_isKms0303() {
    String token = issue();
    assertThat(codeOf(() -> at(NOW.plus(Duration.ofHours(24))).verify(token)))
        .isEqualTo(ErrorCode.TOKEN_EXPIRED);
    assertThat(at(NOW.plus(Duration.ofHours(24)).minusMillis(1)).verify(token)).isNotNull();
  }

  @Test
  void verify_ofATokenNamingAnUnknownKid_isKms0302_evenWithTheRightKeyBytes() {
    String token =
        new TokenCodec("k2", KEY, Clock.fixed(NOW, ZoneOffset.UTC))
            .issue(new TokenClaims(USER, "d", "p", NOW, NOW.plus(Duration.ofHours(1))));
    assertThat(codeOf(() -> at(NOW).verify(token))).isEqualTo(ErrorCode.TOKEN_INVALID);
    String renamed = "KL2.k1." + token.substring("KL2.k2.".length());
    assertThat(codeOf(() -> at(NOW).verify(renamed))).isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @Test
  void verify_withAnotherKey_isKms0302() {
    String token = issue();
    TokenCodec other =
        new TokenCodec(
            "k1",
            new byte[] {
              1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32
            },
            Clock.fixed(NOW, ZoneOffset.UTC));
    assertThat(codeOf(() -> other.verify(token))).isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @Test
  void verify_withAnyFlippedCharacter_neverSucceeds() {
    String token = issue();
    TokenCodec codec = at(NOW);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      String flipped = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
      int position = i;
      assertThatThrownBy(() -> codec.verify(flipped))
          .as("position %d", position)
          .isInstanceOf(KmsException.class);
    }
  }

  @Test
  void verify_withAnotherSpellingOfTheSameSignatureBits_fails() {
    // The last character of a 43-character base64 MAC carries two unused bits: four characters
    // decode to the same bytes, and only the canonical one may be accepted.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String token = issue();
    TokenCodec codec = at(NOW);
    int last = alphabet.indexOf(token.charAt(token.length() - 1));
    int accepted = 0;
    for (int unused = 0; unused < 4; unused++) {
      String spelling =
          token.substring(0, token.length() - 1) + alphabet.charAt((last & ~3) | unused);
      try {
        codec.verify(spelling);
        accepted++;
      } catch (KmsException e) {
        assertThat(e.error()).isEqualTo(ErrorCode.TOKEN_INVALID);
      }
    }
    assertThat(accepted).isEqualTo(1);
  }

  @Test
  void verify_ofGarbage_isKms0301() {
    assertThat(codeOf(() -> at(NOW).verify("MIIatAYJKoZ"))).isEqualTo(ErrorCode.TOKEN_MISSING);
    assertThat(codeOf(() -> at(NOW).verify(""))).isEqualTo(ErrorCode.TOKEN_MISSING);
    assertThat(codeOf(() -> at(NOW).verify("KL1.a.b"))).isEqualTo(ErrorCode.TOKEN_MISSING);
  }

  @Test
  void domainScopedToken_hasNoProject() {
    String token = at(NOW).issue(new TokenClaims(USER, "d", null, NOW, NOW.plusSeconds(60)));
    assertThat(at(NOW).verify(token).projectId()).isNull();
  }

  static String forge(Instant issuedAt, Instant expiresAt) {
    return at(NOW).issue(new TokenClaims(USER, "d", "p", issuedAt, expiresAt));
  }

  @Test
  void verify_ofTokenIssuedBeyondTheSkewInTheFuture_isKms0302() {
    Instant future = NOW.plus(Duration.ofMinutes(16));
    String token = forge(future, future.plus(Duration.ofHours(1)));
    assertThat(codeOf(() -> at(NOW).verify(token))).isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @Test
  void verify_ofTokenIssuedWithinTheSkewInTheFuture_succeeds() {
    Instant future = NOW.plus(Duration.ofMinutes(14));
    assertThat(at(NOW).verify(forge(future, future.plus(Duration.ofHours(1))))).isNotNull();
  }

  @Test
  void verify_ofTokenLivingOver24Hours_isKms0302() {
    String token = forge(NOW, NOW.plus(Duration.ofHours(24)).plusSeconds(1));
    assertThat(codeOf(() -> at(NOW).verify(token))).isEqualTo(ErrorCode.TOKEN_INVALID);
  }

  @Test
  void verify_ofTokenExpiringBeforeItWasIssued_isKms0302() {
    String token = forge(NOW, NOW.minusSeconds(1));
    assertThat(codeOf(() -> at(NOW.minusSeconds(5)).verify(token)))
        .isEqualTo(ErrorCode.TOKEN_INVALID);
  }
}
