package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RootKeyConfigTest {
  @Test
  void theRootKeyLivesInOnePlace() {
    assertThatThrownBy(() -> RootKeyConfig.of(Path.of("k"), Path.of("lib.so"), "t", "k"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exclude each other");
  }

  @Test
  void thePkcs11Settings_comeTogether() {
    assertThatThrownBy(() -> RootKeyConfig.of(null, Path.of("lib.so"), null, "k"))
        .hasMessage("--pkcs11-library, --pkcs11-token and --pkcs11-key must be given together");
    assertThatThrownBy(() -> RootKeyConfig.of(null, null, "t", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RootKeyConfig.of(null, Path.of("lib.so"), "t", "k").pkcs11()).isPresent();
    assertThat(RootKeyConfig.of(null, null, null, null)).isEqualTo(RootKeyConfig.inDataDir());
  }
}
