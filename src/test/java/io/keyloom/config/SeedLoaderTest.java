package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedLoaderTest {
  @TempDir Path dir;

  Path write(String yaml) throws Exception {
    Path f = dir.resolve("seed.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void load_readsTheDesignExampleAndExpandsEnvironmentReferences() throws Exception {
    Seed seed =
        new SeedLoader(Map.of("PW", "s3cret"))
            .load(
                write(
                    """
                    domains:
                      - name: acme
                        id: 5a1c0e7f3b2d4c6e8f9a0b1c2d3e4f50
                        projects:
                          - name: cn-north-4
                        users:
                          - name: alice
                            password: "${PW}"
                            access_keys:
                              - access: ALICEACCESSKEY00001
                                secret: abc
                    """));
    Seed.User alice = seed.domains().get(0).users().get(0);
    assertThat(alice.password()).isEqualTo("s3cret");
    assertThat(alice.toString()).doesNotContain("s3cret");
    assertThat(alice.accessKeys().get(0).toString()).doesNotContain("abc");
    assertThat(seed.domains().get(0).projects().get(0).id()).isNull();
  }

  @Test
  void load_refusesInvalidIdsUnknownFieldsAndUnsetVariables() throws Exception {
    SeedLoader loader = new SeedLoader(Map.of());
    assertThatThrownBy(() -> loader.load(write("domains:\n  - name: acme\n    id: XYZ\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("domain id");
    assertThatThrownBy(() -> loader.load(write("domains:\n  - name: acme\n    colour: red\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                loader.load(
                    write(
                        "domains:\n  - name: a\n    users:\n      - name: u\n        password: ${NOPE}\n")))
        .hasMessageContaining("NOPE");
  }

  @Test
  void load_neverEchoesASecretInItsError() throws Exception {
    SeedLoader loader = new SeedLoader(Map.of());
    assertThatThrownBy(
            () ->
                loader.load(
                    write(
                        "domains:\n  - name: a\n    users:\n      - name: 'bad name!'\n        password: hunter2\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("hunter2");
  }
}
