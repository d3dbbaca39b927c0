package io.keyloom.it.readme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a page name files of this repository, and whether those files exist. The rule
 * (docs/readme-tests.md): a relative path with a directory part and either a file extension or a
 * first directory that exists at the root; a bare {@code *.md} name; a Keyloom package path such as
 * {@code http/ErrorMapper}; a Markdown link target. Anything else (server.pem, {@code
 * <data-dir>/root.key}, URLs, absolute paths, {@code target/} and {@code data/}) is a placeholder
 * or not a repository file.
 */
public final class RepoPaths {
  private static final Pattern BACKTICKS = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*/?");
  private static final Pattern EXTENSION = Pattern.compile(".*\\.[A-Za-z][A-Za-z0-9]*$");
  private static final Set<String> PACKAGES =
      Set.of("auth", "config", "crypto", "error", "http", "kms", "store");

  /**
   * Made by a build or a server run, never committed: {@code target/}, the default {@code data/}.
   */
  private static final Set<String> GENERATED = Set.of("target", "data");

  private static final String SOURCES = "src/main/java/io/keyloom/";

  private final Path repo;

  public RepoPaths(Path repo) {
    this.repo = repo;
  }

  /** The cited paths of a Markdown page ({@code file}) that do not exist, as "path (why)". */
  public List<String> missingInMarkdown(Path file, String markdown) {
    List<String> missing = new ArrayList<>();
    Matcher links = LINK.matcher(markdown);
    while (links.find()) {
      String target = links.group(1).replaceFirst("#.*$", "");
      if (!target.isEmpty() && !target.matches("^[a-z][a-z0-9+.-]*:.*")) {
        if (!Files.exists(file.getParent().resolve(target))) {
          missing.add(links.group(1) + " (link)");
        }
      }
    }
    Matcher spans = BACKTICKS.matcher(markdown);
    while (spans.find()) {
      for (String word : spans.group(1).split("\\s+")) {
        cited(file, word).filter(p -> !Files.exists(p)).ifPresent(p -> missing.add(word));
      }
    }
    return missing;
  }

  /** The words of a shell command that name repository files that do not exist. */
  public List<String> missingInShell(Path file, String command) {
    List<String> missing = new ArrayList<>();
    for (String word : command.split("[\\s|;&()<>]+")) {
      cited(file, word).filter(p -> !Files.exists(p)).ifPresent(p -> missing.add(word));
    }
    return missing;
  }

  /** The repository file {@code word} names when cited from {@code file}, if it names one. */
  Optional<Path> cited(Path file, String word) {
    String w = word.replaceAll("^[\"'\\[]+|[\"'\\],.;:]+$", "").replaceFirst("#.*$", "");
    w = w.startsWith("./") ? w.substring(2) : w;
    if (!PATH.matcher(w).matches() || w.startsWith("..") || GENERATED.contains(w.split("/")[0])) {
      return Optional.empty();
    }
    String[] parts = w.split("/");
    if (parts.length == 1) {
      return w.endsWith(".md") ? Optional.of(markdownByName(file, w)) : Optional.empty();
    }
    if (PACKAGES.contains(parts[0])) {
      return sourcePath(w, parts);
    }
    if (parts[parts.length - 1].matches("\\d+(\\.[0-9x]+)*")) {
      return Optional.empty(); // HTTP/1.1, HTTP/1.x: a protocol version
    }
    boolean topLevel = Files.isDirectory(repo.resolve(parts[0]));
    return EXTENSION.matcher(w).matches() || topLevel
        ? Optional.of(repo.resolve(w))
        : Optional.empty();
  }

  /** {@code http/ErrorMapper}, {@code http/Route.Auth}, {@code kms/api}: under the sources. */
  private Optional<Path> sourcePath(String w, String[] parts) {
    String last = parts[parts.length - 1];
    if (!last.matches("[A-Za-z][A-Za-z0-9_.]*")) {
      return Optional.empty();
    }
    if (Character.isUpperCase(last.charAt(0))) {
      String type = last.split("\\.", 2)[0] + ".java";
      String dir = w.substring(0, w.length() - last.length());
      return Optional.of(repo.resolve(SOURCES + dir + type));
    }
    return Optional.of(repo.resolve(SOURCES + w));
  }

  /** A bare page name: next to the citing page, at the root or in docs/ (or docs/reference/). */
  private Path markdownByName(Path file, String name) {
    for (Path dir :
        List.of(file.getParent(), repo, repo.resolve("docs"), repo.resolve("docs/reference"))) {
      if (Files.exists(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return repo.resolve(name);
  }
}
