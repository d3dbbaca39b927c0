package io.keyloom.it.readme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The README's quick-start server command and how a run of a README block is judged. */
final class QuickStart {
  /** The command the README tests start, as its first occurrence in the README has it. */
  static final String SERVE = "./keyloom serve --seed examples/seed.yaml";

  private QuickStart() {}

  /**
   * The arguments after {@code ./keyloom} of the README's first command that starts with {@link
   * #SERVE}, if there is one.
   */
  static Optional<List<String>> serveCommand(String readme) {
    for (ShellBlocks.Block block : ShellBlocks.parse(readme)) {
      for (String command : block.commands()) {
        if (command.equals(SERVE) || command.startsWith(SERVE + " ")) {
          return Optional.of(Arrays.asList(command.substring(10).strip().split("\\s+")));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why a run of {@code block} failed; empty when it passed: exit 0, and either every {@code #
   * prints: X} of the block in the output or, without such comments, no error body in it.
   */
  static List<String> failures(ShellBlocks.Block block, int exitCode, String output) {
    List<String> failures = new ArrayList<>();
    if (exitCode != 0) {
      failures.add("exit " + exitCode);
    }
    if (block.prints().isEmpty()) {
      if (output.contains("\"error_code\"") || output.contains("\"error\":")) {
        failures.add("an error answer");
      }
    } else {
      block.prints().stream()
          .filter(p -> !output.contains(p))
          .forEach(p -> failures.add("no '" + p + "' in the output"));
    }
    return failures;
  }
}
