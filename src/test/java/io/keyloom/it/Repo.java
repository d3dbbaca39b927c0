package io.keyloom.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the tests run in (Maven runs them from the project's base directory). */
public final class Repo {
  private Repo() {}

  /** The directory holding {@code pom.xml} and {@code README.md}. */
  public static Path root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("src"))) {
      throw new IllegalStateException("tests must run from the repository root, not " + dir);
    }
    return dir;
  }
}
