package io.keyloom.it.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```sh} blocks of a Markdown page, split into the commands a shell would run. The rules
 * that decide which blocks run are in docs/readme-tests.md.
 */
public final class ShellBlocks {
  private static final Pattern FENCE_OPEN = Pattern.compile("^\\s*```(sh|bash|shell)\\s*$");
  private static final Pattern FENCE_CLOSE = Pattern.compile("^\\s*```\\s*$");
  private static final Pattern PRINTS = Pattern.compile("^#\\s*prints:\\s*(.+?)\\s*$");

  /** A command that, after these prefixes, starts with one of {@link #RUNNABLE} is run. */
  private static final List<Pattern> PREFIXES =
      List.of(
          Pattern.compile("^export\\s+"),
          Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=\"?\\$\\(\\s*"),
          Pattern.compile("^read\\s+(-r\\s+)?[A-Za-z_ ]+<<<\\s*\"?\\$\\(\\s*"),
          Pattern.compile("^(echo|printf)\\s+('[^']*'|\"[^\"]*\"|[^\\s|]+)\\s*\\|\\s*"));

  private static final Pattern RUNNABLE =
      Pattern.compile("^(curl\\s|\\./examples/|\\./keyloom\\s+(admin\\s|--version|--help))");

  private ShellBlocks() {}

  /**
   * One block: where it starts (1-based line of the fence), its text, its commands (continuation
   * lines and multi-line quotes joined, comments removed) and its {@code # prints: TEXT} comments.
   */
  public record Block(int line, String code, List<String> commands, List<String> prints) {
    /** True when every command is one the README test runs (docs/readme-tests.md). */
    public boolean runnable() {
      return !commands.isEmpty() && commands.stream().allMatch(ShellBlocks::isRunnable);
    }
  }

  /** The shell blocks of {@code markdown}, in order. */
  public static List<Block> parse(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!FENCE_OPEN.matcher(lines[i]).matches()) {
        continue;
      }
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      for (i++; i < lines.length && !FENCE_CLOSE.matcher(lines[i]).matches(); i++) {
        code.append(lines[i]).append('\n');
      }
      if (i == lines.length) {
        throw new IllegalArgumentException("shell block at line " + start + " is never closed");
      }
      List<String> prints = new ArrayList<>();
      List<String> commands = split(code.toString(), prints);
      blocks.add(new Block(start, code.toString(), commands, prints));
    }
    return blocks;
  }

  /** True when the README test runs {@code command} against a server (docs/readme-tests.md). */
  public static boolean isRunnable(String command) {
    String c = command.strip();
    for (Pattern prefix : PREFIXES) {
      c = prefix.matcher(c).replaceFirst("");
    }
    return RUNNABLE.matcher(c).find();
  }

  /**
   * Splits shell code into commands: a newline ends one unless it follows a backslash or sits
   * inside quotes or {@code $(...)}. Comments are dropped; {@code # prints: X} ones go to prints.
   */
  static List<String> split(String code, List<String> prints) {
    List<String> commands = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    int depth = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < code.length()) {
          current.append(code.charAt(++i));
        }
      } else if (c == '\\' && i + 1 < code.length() && code.charAt(i + 1) == '\n') {
        i++;
        current.append(' ');
      } else if (c == '\\' && i + 1 < code.length()) {
        current.append(c).append(code.charAt(++i));
      } else if (c == '#' && (current.isEmpty() || Character.isWhitespace(last(current)))) {
        int end = code.indexOf('\n', i);
        end = end < 0 ? code.length() : end;
        Matcher m = PRINTS.matcher(code.substring(i, end));
        if (m.matches()) {
          prints.add(m.group(1));
        }
        i = end - 1;
      } else if (c == '\n' && depth == 0) {
        flush(current, commands);
      } else {
        current.append(c);
        quote = c == '\'' || c == '"' ? c : 0;
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
    }
    flush(current, commands);
    return commands;
  }

  private static char last(StringBuilder b) {
    return b.charAt(b.length() - 1);
  }

  private static void flush(StringBuilder current, List<String> commands) {
    String command = current.toString().strip();
    if (!command.isEmpty()) {
      commands.add(command);
    }
    current.setLength(0);
  }
}
