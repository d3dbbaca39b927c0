package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
  @Test
  void aPostgresUrl_isKept_withTheCredentialsFromTheirOwnArguments() {
    PostgresSettings s =
        PostgresSettings.of("jdbc:postgresql://db:5432/keyloom?sslmode=verify-full", "k", "pw");
    assertThat(s.url()).isEqualTo("jdbc:postgresql://db:5432/keyloom?sslmode=verify-full");
    assertThat(s.user()).isEqualTo("k");
    assertThat(s.password()).isEqualTo("pw");
  }

  @Test
  void otherUrls_areRefused_namingTheFlag() {
    for (String url :
        new String[] {"jdbc:mysql://db/k", "jdbc:sqlite:/tmp/k.db", "postgresql://db/k", ""}) {
      assertThatThrownBy(() -> PostgresSettings.of(url, null, null))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--db-url must be a PostgreSQL URL");
    }
    assertThatThrownBy(() -> PostgresSettings.of("jdbc:postgresql://", null, null))
        .hasMessageStartingWith("--db-url must be a PostgreSQL URL");
  }

  @Test
  void credentialsInTheUrl_areRefused_withoutEchoingThem() {
    for (String url :
        new String[] {
          "jdbc:postgresql://db/k?password=hunter2",
          "jdbc:postgresql://db/k?sslmode=require&PASSWORD=hunter2",
          "jdbc:postgresql://db/k?user=hunter2",
          "jdbc:postgresql://bob:hunter2@db/k"
        }) {
      assertThatThrownBy(() -> PostgresSettings.of(url, null, null))
          .as(url)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("KEYLOOM_DB_PASSWORD")
          .message()
          .doesNotContain("hunter2");
    }
  }

  @Test
  void toString_redactsThePassword() {
    PostgresSettings s = PostgresSettings.of("jdbc:postgresql://db/k", "k", "hunter2");
    assertThat(s.toString()).doesNotContain("hunter2").contains("REDACTED");
  }

  @Test
  void emptyCredentials_meanTheDriversDefaults() {
    PostgresSettings s = PostgresSettings.of("jdbc:postgresql://db/k", "", "");
    assertThat(s.user()).isNull();
    assertThat(s.password()).isNull();
  }
}
