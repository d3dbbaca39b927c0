package io.keyloom.it;

import static io.keyloom.it.OperatorContractIT.keyloom;
import static io.keyloom.it.OperatorContractIT.serve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keyloom.Keyloom;
import io.keyloom.it.OperatorContractIT.Started;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator on the command line, in separate JVMs: {@code serve --emulator=false} has no
 * controls, a plain {@code serve} on loopback has them, and {@code admin reset} resets a data
 * directory, also under a running server (docs/emulator.md).
 */
class EmulatorCliIT {
  @TempDir Path dir;

  /** Runs a command in its own JVM; returns its exit code and everything it printed. */
  static Ran run(String... args) throws Exception {
    Process p = keyloom(args).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(p.waitFor(), out);
  }

  record Ran(int exit, String out) {}

  @Test
  void emulatorFalse_answers404OnEveryControl() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(seed, TestServer.SEED);
    try (Started s =
        serve(
            keyloom(
                "serve",
                "--port",
                "0",
                "--emulator=false",
                "--data-dir",
                dir.resolve("data").toString(),
                "--seed",
                seed.toString()))) {
      Http http = new Http("http://127.0.0.1:" + s.port());
      for (String[] call :
          new String[][] {
            {"GET", "/keyloom/v1/clock"},
            {"POST", "/keyloom/v1/clock"},
            {"POST", "/keyloom/v1/reset"}
          }) {
        Http.Response r = http.send(call[0], call[1], "{\"advance\":\"8d\"}", Map.of());
        assertThat(r.status()).as(call[1]).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("KMS.0201");
      }
    }
  }

  @Test
  void emulatorOnANonLoopbackAddress_servesTheControlsAndWarnsOnce() throws Exception {
    try (Started s =
        TlsOperatorIT.serve(
                keyloom(
                    "serve",
                    "--host",
                    "0.0.0.0",
                    "--emulator",
                    "--port",
                    "0",
                    "--data-dir",
                    dir.resolve("data").toString()))
            .process()) {
      Http http = new Http("http://127.0.0.1:" + s.port());
      assertThat(http.send("GET", "/keyloom/v1/clock", null, Map.of()).status()).isEqualTo(200);
      assertThat(s.log())
          .as("one line for plain HTTP, one for the controls")
          .containsOnlyOnce("emulator controls are on at 0.0.0.0")
          .contains("--emulator=false");
      assertThat(TlsOperatorIT.warnings(s.log())).as(s.log()).isEqualTo(2);
    }
  }

  @Test
  void withoutSeed_resetGoesBackToTheFirstStartIdentities_overHttpAndFromTheCli() throws Exception {
    Path data = dir.resolve("data");
    try (Started s = serve(keyloom("serve", "--port", "0", "--data-dir", data.toString()))) {
      Http http = new Http("http://127.0.0.1:" + s.port());
      JsonNode creds = Http.JSON.readTree(data.resolve("credentials.json").toFile());
      String project = creds.path("project_id").asText();
      String token =
          http.token(
              creds.path("domain").asText(),
              creds.path("user").asText(),
              creds.path("password").asText(),
              creds.path("project").asText());
      assertThat(http.kms(token, project, "create-key", "{\"key_alias\":\"a\"}").status())
          .isEqualTo(200);
      assertThat(inProcessAdmin(data, "create-user", "--domain", "keyloom", "extra").exit())
          .isZero();

      Http.Response r = http.post("/keyloom/v1/reset", null, Map.of());
      assertThat(r.status()).as("a loopback server is an emulator: " + r.text()).isEqualTo(200);
      assertThat(r.json().path("keys_deleted").asInt()).isEqualTo(1);
      assertThat(http.kms(token, project, "list-keys", "{}").json().path("total").asInt()).isZero();
      assertThat(inProcessAdmin(data, "list-users").out())
          .contains(creds.path("user").asText())
          .doesNotContain("extra");

      String keyId =
          http.kms(token, project, "create-key", "{\"key_alias\":\"b\"}")
              .json()
              .path("key_info")
              .path("key_id")
              .asText();
      Ran reset = run("admin", "--data-dir", data.toString(), "reset");
      assertThat(reset.exit()).as(reset.out()).isZero();
      assertThat(reset.out())
          .contains("keys destroyed: 1", "first-start identities in credentials.json")
          .doesNotContain(creds.path("password").asText())
          .doesNotContain(creds.path("secret_key").asText());
      // The running server drops its cached key metadata within its 2 s lifetime.
      String describe = "{\"key_id\":\"" + keyId + "\"}";
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (http.kms(token, project, "describe-key", describe).status() == 200
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(http.kms(token, project, "describe-key", describe).errorCode())
          .isEqualTo("KMS.0207");
    }
  }

  @Test
  void adminReset_withSeed_putsIdentitiesBack_andBadInputChangesNothing() throws Exception {
    try (TestServer server = TestServer.start()) {
      Path data = server.dataDir();
      String keyId = LifecycleCalls.create(Sdk.alice(server));
      assertThat(inProcessAdmin(data, "create-domain", "initech").exit()).isZero();

      Path badSeed = dir.resolve("bad.yaml");
      Files.writeString(badSeed, "domains:\n  - name: acme\n    passwort: x\n");
      Ran bad = inProcessAdmin(data, "reset", "--seed", badSeed.toString());
      assertThat(bad.exit()).isEqualTo(1);
      assertThat(bad.out().strip())
          .startsWith("keyloom: ")
          .contains("bad.yaml")
          .doesNotContain("\n");
      Ran noData = inProcessAdmin(dir.resolve("none"), "reset");
      assertThat(noData.exit()).isEqualTo(1);
      assertThat(noData.out().strip()).startsWith("keyloom: no Keyloom data directory");
      assertThat(StoreFiles.keyRows(server, keyId)).as("nothing changed").hasSize(1);

      // The seed of this reset also declares a key: the reset creates it, as a start would.
      Path withKey = dir.resolve("with-key.yaml");
      String seedKey = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
      Files.writeString(
          withKey,
          TestServer.SEED.replace(
              "        id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n",
              "        id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n"
                  + "        keys:\n"
                  + "          - id: "
                  + seedKey
                  + "\n"
                  + "            alias: seeded\n"));
      Ran reset =
          run("admin", "reset", "--data-dir", data.toString(), "--seed", withKey.toString());
      assertThat(reset.exit()).as(reset.out()).isZero();
      assertThat(reset.out()).contains("keys destroyed: 1", "back to " + withKey);
      assertThat(StoreFiles.keyRows(server, keyId)).isEmpty();
      assertThat(StoreFiles.keyRows(server, seedKey)).as("the seed's key").hasSize(1);
      assertThat(StoreFiles.query(server, "SELECT name FROM domains"))
          .containsExactlyInAnyOrder(TestServer.DOMAIN, TestServer.OTHER_DOMAIN);
    }
  }

  /** Runs {@code keyloom admin --data-dir DATA args...} in this JVM, which starts faster. */
  private static Ran inProcessAdmin(Path data, String... args) {
    String[] full = new String[args.length + 3];
    full[0] = "admin";
    full[1] = "--data-dir";
    full[2] = data.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    StringWriter out = new StringWriter();
    int exit =
        Keyloom.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(out, true))
            .execute(full);
    return new Ran(exit, out.toString());
  }
}
