package io.keyloom.it.readme;

import io.keyloom.it.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pages the documentation tests read: README.md and docs/*.md. */
final class Pages {
  private Pages() {}

  static final Path REPO = Repo.root();

  static Path readme() {
    return REPO.resolve("README.md");
  }

  /** README.md first, then docs/*.md by name (docs/reference/ holds verbatim notes, not pages). */
  static List<Path> all() {
    List<Path> pages = new ArrayList<>(List.of(readme()));
    try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  static String read(Path page) {
    try {
      return Files.readString(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code README.md:12} for a page and line. */
  static String where(Path page, int line) {
    return REPO.relativize(page) + ":" + line;
  }
}
