package io.keyloom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the temporary directories tests create, so that {@code mvn verify} leaves no data
 * directories (which hold root keys) and no private keys behind.
 */
public final class TempDirs {
  private TempDirs() {}

  /** Deletes {@code dir} and everything under it; a missing directory is not an error. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete test directory " + dir, e);
    }
  }
}
