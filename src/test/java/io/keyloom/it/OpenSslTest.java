package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The OpenSSL interop tests fail, never skip, on a machine without the openssl binary. */
class OpenSslTest {
  @Test
  void require_withoutTheBinary_failsTheTestWithAnActionableMessage() {
    assertThatThrownBy(() -> OpenSsl.require("keyloom-no-such-openssl"))
        .as("an AssertionError fails the test; an assumption would only skip it")
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("keyloom-no-such-openssl version")
        .hasMessageContaining("apt-get install openssl");
  }

  @Test
  void require_withTheBinary_passes() {
    OpenSsl.require();
  }
}
