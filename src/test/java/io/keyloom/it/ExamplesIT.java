package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files in {@code examples/}, run as a user runs them: a separate {@code keyloom serve --seed
 * examples/seed.yaml}, the curl scripts with bash, the Java program with the JDK's source launcher
 * and the official SDK on the classpath.
 */
class ExamplesIT {
  @TempDir static Path dir;
  private static final Path REPO = Repo.root();
  private static KeyloomProcess server;

  @BeforeAll
  static void start() throws IOException {
    Bash.requireCurl();
    server =
        KeyloomProcess.serve(
            List.of(
                "serve",
                "--port",
                "0",
                "--data-dir",
                dir.resolve("data").toString(),
                "--seed",
                REPO.resolve("examples/seed.yaml").toString()),
            REPO,
            Map.of(),
            dir.resolve("seeded.log"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static Bash.Result example(Map<String, String> env, String script, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("KEYLOOM_URL", server.endpoint());
    List<String> command = new ArrayList<>(List.of("./examples/curl/" + script));
    command.addAll(List.of(args));
    return Bash.run(REPO, all, command.toArray(String[]::new));
  }

  private static String ok(String script, String... args) {
    Bash.Result r = example(Map.of(), script, args);
    assertThat(r.exitCode()).as("%s %s: %s", script, List.of(args), r).isZero();
    return r.output().strip();
  }

  @Test
  void quickstart_encryptsSignsAndRoundTripsADataKey() {
    assertThat(ok("quickstart.sh"))
        .containsPattern("created AES_256 key [0-9a-f-]{36}\n")
        .contains("decrypted: hello, keyloom\n")
        .contains("verify: SIGNATURE_VALID\n")
        .endsWith("data key: decrypted to the same 64 hex digits");
  }

  @Test
  void encryptThenDecrypt_givesBackTheExactPlaintext() {
    String key = ok("create-key.sh");
    String plain = "say \"hi\" \\ back\\slash \\n not a newline\nnewline\ttab ünïcødé €";
    String cipher = ok("encrypt.sh", key, plain);
    assertThat(cipher).matches("[0-9a-zA-Z+/=]{188,5648}");
    Bash.Result r = example(Map.of(), "decrypt.sh", cipher);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output()).isEqualTo(plain + "\n");
  }

  @Test
  void verify_acceptsTheSignedMessageOnly() {
    String key = ok("create-key.sh", "EC_P256", "SIGN_VERIFY");
    String signature = ok("sign.sh", key, "release 1.0");
    assertThat(ok("verify.sh", key, "release 1.0", signature)).isEqualTo("SIGNATURE_VALID");
    Bash.Result other = example(Map.of(), "verify.sh", key, "release 1.1", signature);
    assertThat(other.exitCode()).isEqualTo(1);
    assertThat(other.output().strip()).isEqualTo("SIGNATURE_INVALID");
  }

  @Test
  void rsaKey_signsWithTheAlgorithmNamed() {
    String key = ok("create-key.sh", "RSA_2048", "SIGN_VERIFY");
    String signature = ok("sign.sh", key, "x", "RSASSA_PSS_SHA_256");
    assertThat(ok("verify.sh", key, "x", signature, "RSASSA_PSS_SHA_256"))
        .isEqualTo("SIGNATURE_VALID");
  }

  @Test
  void dataKey_decryptsToTheKeyCreated() {
    String key = ok("create-key.sh");
    String[] pair = ok("create-datakey.sh", key, "128").split(" ");
    assertThat(pair).hasSize(2);
    assertThat(pair[0]).matches("[0-9A-F]{32}");
    assertThat(ok("decrypt-datakey.sh", key, pair[1], "16")).isEqualTo(pair[0]);
  }

  @Test
  void aFailedLogin_stopsTheScriptWithOneLineNamingTheLogin() {
    Bash.Result r = example(Map.of("KEYLOOM_USER", "mallory"), "create-key.sh");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output().strip())
        .startsWith("keyloom example: login as mallory in domain acme failed:")
        .doesNotContain("create-key")
        .hasLineCount(1);
  }

  @Test
  void aKmsError_stopsTheScriptWithTheErrorBody() {
    Bash.Result r = example(Map.of(), "decrypt.sh", "bm90IGEgY2lwaGVydGV4dA==");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("decrypt-data answered HTTP 400").contains("KMS.");
  }

  @Test
  void unreachableServer_failsNamingTheUrl() {
    Bash.Result r = example(Map.of("KEYLOOM_URL", "http://127.0.0.1:1"), "create-key.sh");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.output()).contains("cannot reach http://127.0.0.1:1");
  }

  @Test
  void scripts_useTheCredentialsFileOfAPlainFirstStart() throws IOException {
    Path data = dir.resolve("plain");
    try (KeyloomProcess plain =
        KeyloomProcess.serve(
            List.of("serve", "--port", "0", "--data-dir", data.toString()),
            REPO,
            Map.of(),
            dir.resolve("plain.log"))) {
      Bash.Result r =
          example(
              Map.of(
                  "KEYLOOM_URL",
                  plain.endpoint(),
                  "KEYLOOM_CREDENTIALS",
                  data.resolve("credentials.json").toString()),
              "quickstart.sh");
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.output()).contains("verify: SIGNATURE_VALID");
    }
  }

  @Test
  void javaQuickstart_runsWithTheSdkOnTheClasspath() {
    Bash.Result r =
        Bash.run(
            REPO,
            Map.of("KEYLOOM_URL", server.endpoint()),
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "examples/java/KeyloomQuickstart.java");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.output())
        .containsPattern("created AES_256 key [0-9a-f-]{36}\n")
        .contains("decrypted: hello from the Java SDK\n")
        .contains("verify: SIGNATURE_VALID\n")
        .contains("data key: decrypted to the same 32 bytes\n");
  }
}
