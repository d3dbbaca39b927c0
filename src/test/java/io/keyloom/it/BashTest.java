package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BashTest {
  @Test
  void aMissingTool_failsTheTestNamingIt() {
    assertThatThrownBy(() -> Bash.requireTool("keyloom-no-such-tool"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("keyloom-no-such-tool")
        .hasMessageContaining("fail rather than skip");
  }
}
