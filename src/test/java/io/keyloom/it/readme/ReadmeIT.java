package io.keyloom.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.it.Bash;
import io.keyloom.it.KeyloomProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a reader uses it (docs/readme-tests.md): its quick-start line starts the server in
 * a scratch copy of the checkout, then every runnable shell block runs there with bash, in order.
 */
class ReadmeIT {
  @TempDir Path scratch;

  @Test
  void everyRunnableBlock_runsAsWrittenAgainstTheQuickStartServer() throws IOException {
    Bash.requireCurl();
    String readme = Pages.read(Pages.readme());
    List<String> serve =
        QuickStart.serveCommand(readme)
            .orElseThrow(() -> new AssertionError("README.md has no '" + QuickStart.SERVE + "'"));
    assertThat(serve)
        .as("the quick start leaves the port and data dir to defaults the test can move")
        .doesNotContain("--port", "--data-dir");
    Path checkout = scratchCheckout();
    List<String> failures = new ArrayList<>();
    int ran = 0;
    try (KeyloomProcess server =
        KeyloomProcess.serve(
            serve, checkout, Map.of("KEYLOOM_PORT", "0"), scratch.resolve("server.log"))) {
      for (ShellBlocks.Block block : ShellBlocks.parse(readme)) {
        if (!block.runnable()) {
          continue;
        }
        ran++;
        long start = System.nanoTime();
        String code = block.code().replace("http://127.0.0.1:8080", server.endpoint());
        Bash.Result r =
            Bash.script(
                checkout, Map.of("KEYLOOM_URL", server.endpoint()), "set -euo pipefail\n" + code);
        System.out.printf(
            "README.md:%d ran in %d ms, exit %d%n",
            block.line(), (System.nanoTime() - start) / 1_000_000, r.exitCode());
        for (String why : QuickStart.failures(block, r.exitCode(), r.output())) {
          failures.add(Pages.where(Pages.readme(), block.line()) + ": " + why + "; " + r);
        }
      }
    }
    assertThat(ran).as("runnable README blocks").isGreaterThanOrEqualTo(3);
    assertThat(failures).isEmpty();
  }

  /**
   * What a clean clone offers a reader, without the build: {@code examples/} copied, and {@code
   * ./keyloom} as a launcher of the already compiled classes.
   */
  private Path scratchCheckout() throws IOException {
    Path checkout = Files.createDirectory(scratch.resolve("checkout"));
    Path examples = Pages.REPO.resolve("examples");
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path f : files.toList()) {
        Files.copy(
            f,
            checkout.resolve("examples").resolve(examples.relativize(f).toString()),
            StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
    List<String> command = new ArrayList<>(KeyloomProcess.command());
    // Admin commands are short-lived JVMs: the C1 compiler alone halves their CPU time here.
    command.add(1, "-XX:TieredStopAtLevel=1");
    StringBuilder launcher = new StringBuilder("#!/usr/bin/env bash\nexec");
    for (String word : command) {
      launcher.append(" '").append(word.replace("'", "'\\''")).append('\'');
    }
    launcher.append(" \"$@\"\n");
    Path keyloom = checkout.resolve("keyloom");
    Files.writeString(keyloom, launcher, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(keyloom, PosixFilePermissions.fromString("rwx------"));
    return checkout;
  }
}
