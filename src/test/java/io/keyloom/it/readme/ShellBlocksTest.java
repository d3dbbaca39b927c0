package io.keyloom.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsing and the rules of docs/readme-tests.md, on small made-up pages. */
class ShellBlocksTest {
  private static final String PAGE =
      """
      Intro.

      ```sh
      TOKEN=$(curl -si http://127.0.0.1:8080/v3/auth/tokens -d '{"a":
        "b # not a comment"}' \\
        | awk '{print $2}')   # a comment
      ./examples/curl/decrypt.sh "$C"    # prints: hello, keyloom
      ```

      ```sh
      ./keyloom serve --seed examples/seed.yaml
      ./keyloom --version
      ```
      """;

  @Test
  void commands_joinContinuationsAndMultiLineQuotesAndDropComments() {
    List<ShellBlocks.Block> blocks = ShellBlocks.parse(PAGE);
    assertThat(blocks).hasSize(2);
    ShellBlocks.Block first = blocks.get(0);
    assertThat(first.line()).as("the fence's line").isEqualTo(3);
    assertThat(first.commands()).hasSize(2);
    assertThat(first.commands().get(0))
        .startsWith("TOKEN=$(curl")
        .contains("b # not a comment")
        .endsWith("| awk '{print $2}')");
    assertThat(first.prints()).containsExactly("hello, keyloom");
  }

  @Test
  void aBlockRuns_onlyWhenEveryCommandIsAClientCommand() {
    List<ShellBlocks.Block> blocks = ShellBlocks.parse(PAGE);
    assertThat(blocks.get(0).runnable()).isTrue();
    assertThat(blocks.get(1).runnable()).as("serve blocks until interrupted").isFalse();
    assertThat(ShellBlocks.isRunnable("echo 'pw' | ./keyloom admin create-user x")).isTrue();
    assertThat(ShellBlocks.isRunnable("read -r A B <<<\"$(./examples/curl/x.sh)\"")).isTrue();
    assertThat(ShellBlocks.isRunnable("mvn -B verify")).isFalse();
    assertThat(ShellBlocks.isRunnable("./keyloom serve --port 0")).isFalse();
  }

  @Test
  void quickStart_isTheFirstServeFromTheExampleSeed() {
    assertThat(QuickStart.serveCommand(PAGE))
        .contains(List.of("serve", "--seed", "examples/seed.yaml"));
    assertThat(QuickStart.serveCommand("```sh\n./keyloom serve --seed seed.yaml\n```\n")).isEmpty();
  }

  @Test
  void aRun_failsOnExitCodeMissingPrintsOrAnErrorBody() {
    ShellBlocks.Block withPrints = ShellBlocks.parse(PAGE).get(0);
    assertThat(QuickStart.failures(withPrints, 0, "hello, keyloom\n")).isEmpty();
    assertThat(QuickStart.failures(withPrints, 0, "hello\n")).hasSize(1);
    assertThat(QuickStart.failures(withPrints, 1, "hello, keyloom\n")).containsExactly("exit 1");
    ShellBlocks.Block plain = ShellBlocks.parse("```sh\ncurl x\n```\n").get(0);
    assertThat(QuickStart.failures(plain, 0, "{\"error_code\":\"KMS.0207\"}")).hasSize(1);
  }

  @Test
  void cliCheck_namesUnknownFlagsAndCommands() {
    assertThat(CliCheck.problems("./keyloom serve --seed examples/seed.yaml --port 0")).isEmpty();
    assertThat(CliCheck.problems("./keyloom admin --data-dir ./data create-domain x --id 0a"))
        .isEmpty();
    assertThat(CliCheck.problems("./keyloom serve --sead x"))
        .containsExactly("keyloom serve has no flag --sead");
    assertThat(CliCheck.problems("echo x | ./keyloom admin create-domain --data-dir d x"))
        .containsExactly("keyloom admin create-domain has no flag --data-dir");
    assertThat(CliCheck.problems("./keyloom admin list-domain"))
        .containsExactly("keyloom admin has no command list-domain");
  }

  @Test
  void repoPaths_checkFilesAndSkipPlaceholders() {
    RepoPaths paths = new RepoPaths(Pages.REPO);
    Path readme = Pages.readme();
    assertThat(paths.missingInShell(readme, "./keyloom serve --tls-cert server.pem --seed s.yaml"))
        .isEmpty();
    assertThat(paths.missingInShell(readme, "./examples/curl/encrypt.sh x y")).isEmpty();
    assertThat(paths.missingInShell(readme, "./examples/curl/encrpyt.sh x y"))
        .containsExactly("./examples/curl/encrpyt.sh");
    String markdown =
        "`http/ErrorMapper`, `http/Route.Auth`, `HTTP/1.1`, `<data-dir>/root.key`, `target/x.txt`,"
            + " `auth.md`, [tls](docs/tls.md#top), `shared/api/x.md`, `http/NoSuch`, `nope.md`,"
            + " [gone](docs/gone.md)";
    assertThat(paths.missingInMarkdown(readme, markdown))
        .containsExactlyInAnyOrder(
            "docs/gone.md (link)", "shared/api/x.md", "http/NoSuch", "nope.md");
  }
}
