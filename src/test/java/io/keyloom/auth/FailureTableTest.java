package io.keyloom.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureTableTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration WINDOW = Duration.ofMinutes(15);

  FailureTable table = new FailureTable(5, WINDOW, WINDOW, 100);

  void fail(String key, int times, Instant at) {
    for (int i = 0; i < times; i++) {
      table.failed(key, at);
    }
  }

  @Test
  void fifthFailureWithinTheWindow_locksForTheLockDuration() {
    fail("u", 4, T0);
    assertThat(table.isLocked("u", T0)).isFalse();
    fail("u", 1, T0.plus(Duration.ofMinutes(14)));
    assertThat(table.isLocked("u", T0.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(table.isLocked("u", T0.plus(Duration.ofMinutes(28)))).isTrue();
    assertThat(table.isLocked("u", T0.plus(Duration.ofMinutes(29)))).isFalse();
  }

  @Test
  void failuresInDifferentWindows_doNotAddUp() {
    fail("u", 4, T0);
    fail("u", 4, T0.plus(WINDOW));
    assertThat(table.isLocked("u", T0.plus(WINDOW))).isFalse();
  }

  @Test
  void afterTheLockEnds_theCountStartsAgain() {
    fail("u", 5, T0);
    Instant after = T0.plus(WINDOW);
    fail("u", 4, after);
    assertThat(table.isLocked("u", after)).isFalse();
  }

  @Test
  void clear_forgetsFailures() {
    fail("u", 4, T0);
    table.clear("u");
    fail("u", 4, T0);
    assertThat(table.isLocked("u", T0)).isFalse();
  }

  @Test
  void aFloodOfKeys_staysWithinTheBound_andForgetsTheLeastRecentlyFailed() {
    fail("victim", 5, T0);
    for (int i = 0; i < 10_000; i++) {
      table.failed("random-" + i, T0);
    }
    assertThat(table.size()).isEqualTo(100);
    assertThat(table.isLocked("random-9999", T0)).isFalse();
    assertThat(table.isLocked("victim", T0)).isFalse(); // documented: evicted under a flood
  }

  @Test
  void keys_areSeparate() {
    fail("a", 5, T0);
    assertThat(table.isLocked("a", T0)).isTrue();
    assertThat(table.isLocked("b", T0)).isFalse();
  }

  @Test
  void ipv6Addresses_ofOneSlash64_shareOneKey() {
    assertThat(LoginProtection.addressKey("2001:db8:1:2:aaaa::1"))
        .isEqualTo(LoginProtection.addressKey("2001:db8:1:2:bbbb::2"))
        .isNotEqualTo(LoginProtection.addressKey("2001:db8:1:3::1"));
    assertThat(LoginProtection.addressKey("10.0.0.1")).isEqualTo("10.0.0.1");
  }
}
