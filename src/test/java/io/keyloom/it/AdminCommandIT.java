package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.Keyloom;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keyloom admin ...} against the data directory of a running server. */
class AdminCommandIT extends ServerIT {
  @TempDir Path tmp;

  /** What one command run printed, and its exit code. */
  record Run(int exit, String out, String err) {
    String field(String name) {
      Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\S+)").matcher(out);
      assertThat(m.find()).as(name + " in " + out).isTrue();
      return m.group(1);
    }
  }

  static Run admin(String... args) {
    return adminWithStdin(null, args);
  }

  static Run adminWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full =
        Stream.concat(
                Stream.of("admin", "--data-dir", server.dataDir().toString()), Arrays.stream(args))
            .toArray(String[]::new);
    InputStream original = System.in;
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      int exit =
          Keyloom.commandLine()
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(err, true))
              .execute(full);
      return new Run(exit, out.toString(), err.toString());
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void createdIdentities_workOnTheRunningServerAtOnce() {
    Run domain = admin("create-domain", "initech");
    assertThat(domain.exit()).as(domain.err()).isZero();
    String domainId = domain.field("domain_id");
    assertThat(domainId).matches("[0-9a-f]{32}");

    Run project =
        admin(
            "create-project",
            "--domain",
            "initech",
            "--id",
            "c0ffee00c0ffee00c0ffee00c0ffee00",
            "eu-west-0");
    assertThat(project.exit()).as(project.err()).isZero();
    assertThat(project.field("project_id")).isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee00");

    Run user = admin("create-user", "--domain", "initech", "peter");
    assertThat(user.exit()).as(user.err()).isZero();
    String password = user.field("password");
    assertThat(password).hasSize(20);

    Run key = admin("create-access-key", "--domain", "initech", "--user", "peter");
    assertThat(key.exit()).as(key.err()).isZero();
    String ak = key.field("access_key");
    String sk = key.field("secret_key");
    assertThat(ak).matches("[A-Z0-9]{20}");
    assertThat(sk).hasSize(40);

    // The running server knows all of it without a restart: AK/SK through the SDK, password login.
    String keyId =
        SdkSigningIT.createKey(
            Sdk.client(server, ak, sk, "c0ffee00c0ffee00c0ffee00c0ffee00"), "made-by-admin");
    assertThat(keyId).hasSize(36);
    String peterToken = http.token("initech", "peter", password, "eu-west-0");
    Http.Response r =
        http.kms(
            peterToken,
            "c0ffee00c0ffee00c0ffee00c0ffee00",
            "describe-key",
            "{\"key_id\":\"" + keyId + "\"}");
    assertThat(r.status()).as(r.text()).isEqualTo(200);

    // Listings show names and ids, never a secret.
    String listings =
        Stream.of("list-domains", "list-projects", "list-users", "list-access-keys")
            .map(c -> admin(c).out())
            .reduce("", String::concat);
    assertThat(listings)
        .contains("initech", domainId, "eu-west-0", "peter", ak, TestServer.AK, "acme")
        .doesNotContain(sk)
        .doesNotContain(password)
        .doesNotContain(TestServer.SK)
        .doesNotContain(TestServer.PASSWORD);
    assertThat(admin("list-domains", "--domain", "initech").out())
        .contains("initech", domainId)
        .doesNotContain("acme");
    assertThat(admin("list-access-keys", "--domain", "initech").out())
        .contains(ak)
        .doesNotContain(TestServer.AK);
  }

  @Test
  void passwordFromStdin_isNeverPrinted() {
    assertThat(admin("create-domain", "umbrella").exit()).isZero();
    Run user =
        adminWithStdin(
            "Umbrella-Passw0rd!\n",
            "create-user",
            "--domain",
            "umbrella",
            "--password-stdin",
            "ada");
    assertThat(user.exit()).as(user.err()).isZero();
    assertThat(user.out()).doesNotContain("Umbrella-Passw0rd!").doesNotContain("password");
    // create-project is needed for a project-scoped token.
    assertThat(admin("create-project", "--domain", "umbrella", "cn-north-4").exit()).isZero();
    assertThat(http.token("umbrella", "ada", "Umbrella-Passw0rd!", "cn-north-4")).isNotBlank();
  }

  @Test
  void mistakes_areOneLineErrorsWithExitCode1() {
    for (List<String> args :
        List.of(
            List.of("create-domain", TestServer.DOMAIN),
            List.of("create-domain", "bad name!"),
            List.of("create-domain", "--id", TestServer.DOMAIN_ID, "acme-two"),
            List.of("create-project", "--domain", "no-such-domain", "cn-north-4"),
            List.of("create-project", "--domain", TestServer.DOMAIN, TestServer.PROJECT),
            List.of("create-user", "--domain", TestServer.DOMAIN, TestServer.USER),
            List.of("create-access-key", "--domain", TestServer.DOMAIN, "--user", "nobody"))) {
      Run run = admin(args.toArray(String[]::new));
      assertThat(run.exit()).as(args + " " + run.out()).isEqualTo(1);
      assertThat(run.err().strip())
          .as(args.toString())
          .startsWith("keyloom: ")
          .doesNotContain("\n");
      assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    Run shortPassword =
        adminWithStdin(
            "short\n", "create-user", "--domain", TestServer.DOMAIN, "--password-stdin", "eve");
    assertThat(shortPassword.exit()).isEqualTo(1);
    assertThat(shortPassword.err()).contains("at least 8 characters").doesNotContain("short\n");
  }

  @Test
  void missingDataDir_isRefusedWithoutCreatingARootKey() throws Exception {
    Path empty = tmp.resolve("data");
    StringWriter err = new StringWriter();
    int exit =
        Keyloom.commandLine()
            .setOut(new PrintWriter(new StringWriter(), true))
            .setErr(new PrintWriter(err, true))
            .execute("admin", "--data-dir", empty.toString(), "list-domains");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("no Keyloom data directory");
    assertThat(empty).doesNotExist();
  }

  @Test
  void help_listsEverySubcommand() {
    StringWriter out = new StringWriter();
    Keyloom.commandLine().setOut(new PrintWriter(out, true)).execute("admin", "--help");
    assertThat(out.toString())
        .contains(
            "create-domain",
            "create-project",
            "create-user",
            "create-access-key",
            "list-domains",
            "list-projects",
            "list-users",
            "list-access-keys",
            "KEYLOOM_DATA_DIR");
  }
}
