package io.keyloom.it;

import static io.keyloom.it.OperatorContractIT.keyloom;
import static io.keyloom.it.OperatorContractIT.serve;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start failures an operator can act on (issue 13 item 3), through the real CLI on its own JVM:
 * exit code 1, one line naming the cause, no stack trace, and nothing created in the data dir.
 */
class StartErrorsIT {
  @TempDir Path dir;

  record Failure(int exitCode, String output) {}

  Failure run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = keyloom(args);
    pb.environment().keySet().removeIf(k -> k.startsWith("KEYLOOM_") || k.equals("ALICE_PASSWORD"));
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Failure(p.waitFor(), out.strip());
  }

  Failure serveWith(String seedYaml, Map<String, String> env) throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, seedYaml);
    return run(
        env, "serve", "--port", "0", "--data-dir", data().toString(), "--seed", seed.toString());
  }

  Path data() {
    return dir.resolve("data");
  }

  static void assertOneLine(Failure f, String expected) {
    assertThat(f.exitCode()).as(f.output()).isEqualTo(1);
    assertThat(f.output()).isEqualTo(expected).doesNotContain("\n").doesNotContain("\tat ");
  }

  @Test
  void seedWithTypo_namesLineColumnAndField_andCreatesNothing() throws Exception {
    Failure f =
        serveWith(
            "domains:\n  - name: acme\n    users:\n      - name: alice\n"
                + "        pasword: hunter2\n",
            Map.of());
    assertOneLine(
        f,
        "keyloom: seed file "
            + dir.resolve("seed.yaml")
            + " line 5 column 9: unknown field 'pasword' in a user"
            + " (known: name, password, access_keys)");
    assertThat(data()).doesNotExist();
  }

  @Test
  void seedWithUnsetVariable_namesTheVariable_neverAValue_andCreatesNothing() throws Exception {
    Failure f =
        serveWith(
            "domains:\n  - name: acme\n    users:\n      - name: alice\n"
                + "        password: ${ALICE_PASSWORD}\n        access_keys:\n"
                + "          - access: AK1\n            secret: ${SK}\n",
            Map.of("SK", "sk-value-not-shown"));
    assertOneLine(
        f,
        "keyloom: seed file "
            + dir.resolve("seed.yaml")
            + " line 5 column 19 (domains[0].users[0].password): environment variable"
            + " ALICE_PASSWORD is not set");
    assertThat(data()).doesNotExist();
  }

  @Test
  void readmeSeedExample_startsVerbatim_withItsVariableOnlyInAComment() throws Exception {
    List<String> blocks = readmeSeeds();
    assertThat(blocks).as("the README shows a seed example").isNotEmpty();
    for (String yaml : blocks) {
      Path seed = dir.resolve("readme-seed.yaml");
      Files.writeString(seed, yaml);
      ProcessBuilder pb =
          keyloom(
              "serve", "--port", "0", "--data-dir", data().toString(), "--seed", seed.toString());
      pb.environment().remove("ALICE_PASSWORD");
      try (OperatorContractIT.Started s = serve(pb)) {
        Http http = new Http("http://127.0.0.1:" + s.port());
        assertThat(http.token("acme", "alice", "Alice-Passw0rd!", "cn-north-4")).isNotEmpty();
      }
    }
  }

  static List<String> readmeSeeds() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      if (m.group(1).contains("domains:") && m.group(1).contains("Alice-Passw0rd!")) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  @Test
  void portInUse_namesTheCause_andCreatesNothing() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = String.valueOf(taken.getLocalPort());
      Failure f = run(Map.of(), "serve", "--port", port, "--data-dir", data().toString());
      assertOneLine(f, "keyloom: cannot listen on 127.0.0.1:" + port + ": address already in use");
    }
    assertThat(data()).doesNotExist();
  }

  @Test
  void dataDirUnderAFile_namesTheCause_andCreatesNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    Path data = file.resolve("data");
    Failure f = run(Map.of(), "serve", "--port", "0", "--data-dir", data.toString());
    assertOneLine(
        f, "keyloom: data dir " + data + " cannot be created: " + file + " is not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void badFlagValue_namesTheFlag_inOneLine_andCreatesNothing() throws Exception {
    Failure f = run(Map.of(), "serve", "--port", "http", "--data-dir", data().toString());
    assertOneLine(
        f,
        "keyloom: Invalid value for option '--port': 'http' is not an int"
            + " (see keyloom serve --help)");
    Failure range = run(Map.of(), "serve", "--port", "70000", "--data-dir", data().toString());
    assertOneLine(range, "keyloom: --port must be between 0 and 65535, got 70000");
    assertThat(data()).doesNotExist();
  }
}
