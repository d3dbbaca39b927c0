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

  @Test
  void load_neverExpandsAReferenceInAComment() throws Exception {
    Seed seed =
        new SeedLoader(Map.of())
            .load(
                write(
                    """
                    # password: ${ALICE_PASSWORD}
                    domains:
                      - name: acme   # ${NOT_SET_EITHER}
                        users:
                          - name: alice
                            password: "Alice-Passw0rd!" # or "${ALICE_PASSWORD}"
                    """));
    assertThat(seed.domains().get(0).users().get(0).password()).isEqualTo("Alice-Passw0rd!");
  }

  @Test
  void load_keepsQuotesHashesAndNewlinesOfAnExpandedValue() throws Exception {
    String tricky = "pa\"ss #word\nline: two";
    Seed seed =
        new SeedLoader(Map.of("PW", tricky, "SK", "x#y"))
            .load(
                write(
                    """
                    domains:
                      - name: acme
                        users:
                          - name: alice
                            password: ${PW}
                            access_keys:
                              - access: AK1
                                secret: "pre-${SK}-post"
                    """));
    Seed.User alice = seed.domains().get(0).users().get(0);
    assertThat(alice.password()).isEqualTo(tricky);
    assertThat(alice.accessKeys().get(0).secret()).isEqualTo("pre-x#y-post");
  }

  @Test
  void load_withUnsetVariable_namesFilePositionFieldAndVariable() throws Exception {
    Path f =
        write(
            "domains:\n  - name: acme\n    users:\n      - name: alice\n"
                + "        password: \"${ALICE_PASSWORD}\"\n");
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "seed file "
                + f
                + " line 5 column 19 (domains[0].users[0].password): environment variable"
                + " ALICE_PASSWORD is not set");
  }

  @Test
  void load_withTypo_namesPositionFieldAndTheKnownFields() throws Exception {
    Path f =
        write(
            "domains:\n  - name: acme\n    users:\n      - name: alice\n"
                + "        pasword: hunter2\n");
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(f))
        .hasMessageStartingWith("seed file " + f + " line 5 column ")
        .hasMessageContaining("unknown field 'pasword' in a user (known: ")
        .hasMessageContainingAll("name", "password", "access_keys")
        .message()
        .doesNotContain("hunter2")
        .doesNotContain("\n");
  }

  @Test
  void load_withWrongType_namesPositionFieldAndWhatWasExpected() throws Exception {
    Path f = write("domains:\n  - name: acme\n    users: alice\n");
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(f))
        .hasMessage("seed file " + f + " line 3 column 12 (domains[0].users): expected a list");
  }

  @Test
  void load_withYamlSyntaxError_namesPositionButNotTheLine() throws Exception {
    Path f = write("domains:\n  - name: acme\n    users:\n    - password: \"hunter2\n");
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(f))
        .hasMessageStartingWith("seed file " + f + " line ")
        .hasMessageEndingWith(": not valid YAML")
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void load_withInvalidValue_namesPositionAndFieldButNeverTheSecret() throws Exception {
    Path f =
        write(
            "domains:\n  - name: acme\n    users:\n      - name: alice\n"
                + "        password: ${PW}\n        access_keys:\n          - access: 'bad id!'\n"
                + "            secret: ${SK}\n");
    assertThatThrownBy(() -> new SeedLoader(Map.of("PW", "hunter2", "SK", "sk-secret")).load(f))
        .hasMessageContaining("(domains[0].users[0].access_keys[0]): invalid access key id")
        .message()
        .doesNotContain("hunter2")
        .doesNotContain("sk-secret")
        .doesNotContain("bad id!");
  }

  @Test
  void load_ofAMissingFile_saysSo() {
    Path f = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(f))
        .hasMessage("seed file " + f + " cannot be read: no such file");
  }
}
