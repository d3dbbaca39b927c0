package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which bind addresses count as loopback (no plain-HTTP warning) and which do not. */
class LoopbackTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"})
  void loopbackAddresses_areLoopback(String host) {
    assertThat(Loopback.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "192.168.1.10", "10.0.0.5", "2001:db8::1", "8.8.8.8"})
  void wildcardLanAndPublicAddresses_areNot(String host) {
    // Only parsed, never contacted: IP literals resolve without the network.
    assertThat(Loopback.isLoopback(host)).isFalse();
  }
}
