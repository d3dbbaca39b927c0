package io.keyloom.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.config.SeedLoader;
import java.io.IOException;
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
 * The documentation cites only what exists (docs/readme-tests.md): files of the repository, and
 * {@code ./keyloom} commands and flags of the real command line; its seed examples load as written.
 * Checks every page, then reports every problem at once.
 */
class DocReferencesTest {
  /** A ```yaml block of the README that declares domains: a seed a reader may copy. */
  private static final Pattern YAML_SEED =
      Pattern.compile("(?m)^```yaml\n(domains:\n.*?)^```$", Pattern.DOTALL);

  private final RepoPaths paths = new RepoPaths(Pages.REPO);

  @Test
  void everyCitedFile_isInTheRepository() {
    List<String> missing = new ArrayList<>();
    for (Path page : Pages.all()) {
      for (String path : paths.missingInMarkdown(page, Pages.read(page))) {
        missing.add(Pages.REPO.relativize(page) + ": " + path);
      }
    }
    assertThat(missing).as("cited paths that do not exist").isEmpty();
  }

  @Test
  void everyShellBlock_usesRealFilesCommandsAndFlags() {
    List<String> problems = new ArrayList<>();
    for (Path page : Pages.all()) {
      for (ShellBlocks.Block block : ShellBlocks.parse(Pages.read(page))) {
        for (String command : block.commands()) {
          String where = Pages.where(page, block.line()) + ": ";
          CliCheck.problems(command).forEach(p -> problems.add(where + p));
          paths.missingInShell(page, command).forEach(p -> problems.add(where + "no file " + p));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyReadmeSeed_andTheExampleSeed_loadAsWritten(@TempDir Path dir) throws IOException {
    SeedLoader loader = new SeedLoader(Map.of());
    assertThat(loader.load(Pages.REPO.resolve("examples/seed.yaml")).domains()).isNotEmpty();
    Matcher yaml = YAML_SEED.matcher(Pages.read(Pages.readme()));
    int seeds = 0;
    while (yaml.find()) {
      Path file = Files.writeString(dir.resolve("seed" + seeds++ + ".yaml"), yaml.group(1));
      assertThat(loader.load(file).domains()).as("README seed %d", seeds).isNotEmpty();
    }
    assertThat(seeds).isPositive();
  }

  @Test
  void readme_startsTheQuickStartServerFromTheExampleSeed() {
    assertThat(QuickStart.serveCommand(Pages.read(Pages.readme()))).isPresent();
  }
}
