package io.keyloom.it.readme;

import io.keyloom.Keyloom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks the {@code ./keyloom ...} invocations of a shell command against the real command line
 * (the picocli model behind {@code --help}): every subcommand and flag must exist where it is
 * written, as picocli itself would parse it.
 */
public final class CliCheck {
  /** {@code ./keyloom} up to the end of its pipeline stage. */
  private static final Pattern INVOCATION =
      Pattern.compile("(?:^|[\\s|;&(])\\./keyloom((?:\\s+[^|;&)]*)?)");

  private CliCheck() {}

  /** What is wrong with the {@code ./keyloom} invocations in {@code command}; empty when none. */
  public static List<String> problems(String command) {
    List<String> problems = new ArrayList<>();
    Matcher m = INVOCATION.matcher(command);
    while (m.find()) {
      check(m.group(1).strip(), problems);
    }
    return problems;
  }

  private static void check(String args, List<String> problems) {
    CommandSpec current = Keyloom.commandLine().getCommandSpec();
    String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i].replaceAll("^\\[|]$", "");
      if (token.startsWith("-")) {
        String name = token.split("=", 2)[0];
        OptionSpec option = current.findOption(name);
        if (option == null) {
          problems.add(current.qualifiedName() + " has no flag " + name);
        } else if (!token.contains("=") && option.arity().max() > 0) {
          i++; // its value
        }
      } else if (current.subcommands().containsKey(token)) {
        current = current.subcommands().get(token).getCommandSpec();
      } else if (current.positionalParameters().isEmpty() && !current.subcommands().isEmpty()) {
        problems.add(current.qualifiedName() + " has no command " + token);
        return;
      }
    }
  }
}
