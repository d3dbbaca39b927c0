package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --public-url}: absolute http(s) URLs only, normalised without a trailing slash. */
class PublicUrlTest {

  @Test
  void validUrls_areKeptWithoutTrailingSlash() {
    assertThat(new PublicUrl("https://kms.example.com").value())
        .isEqualTo("https://kms.example.com");
    assertThat(new PublicUrl("https://kms.example.com/").value())
        .isEqualTo("https://kms.example.com");
    assertThat(new PublicUrl("http://10.0.0.5:8080/kms//").value())
        .isEqualTo("http://10.0.0.5:8080/kms");
    assertThat(new PublicUrl("https://[::1]:8443").value()).isEqualTo("https://[::1]:8443");
    assertThat(PublicUrl.of(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "kms.example.com",
        "/v1.0",
        "ftp://kms.example.com",
        "https://",
        "https://kms.example.com/?a=1",
        "https://kms.example.com/#top",
        "https://user:Passw0rd@kms.example.com",
        "https://kms example.com"
      })
  void invalidUrls_stopTheStartWithoutEchoingTheValue(String value) {
    assertThatThrownBy(() -> new PublicUrl(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--public-url is invalid: ")
        .hasMessageNotContaining("Passw0rd");
  }
}
