package io.keyloom.config;

import com.fasterxml.jackson.core.JsonLocation;
import java.nio.file.Path;

/**
 * A loaded seed with where it came from, so that a problem found after loading (a key that
 * conflicts with the database, say) is reported like a syntax error: file, line, column, field.
 *
 * @param file the seed file
 * @param seed its content
 * @param positions where each field path starts in the file
 */
public record SeedFile(Path file, Seed seed, SeedPositions positions) {
  /**
   * A one-line start error about the value at {@code path}, e.g. {@code
   * domains[0].projects[0].keys[1].spec}; {@code problem} must not quote a secret.
   */
  public IllegalArgumentException error(String path, String problem) {
    return error(file, positions.find(path), path, problem);
  }

  /** The seed errors' one format (docs/seed-errors.md). */
  static IllegalArgumentException error(Path file, JsonLocation at, String path, String problem) {
    StringBuilder m = new StringBuilder("seed file ").append(file);
    if (at != null && at.getLineNr() > 0) {
      m.append(" line ").append(at.getLineNr()).append(" column ").append(at.getColumnNr());
    }
    if (path != null && !path.isEmpty()) {
      m.append(" (").append(path).append(')');
    }
    return new IllegalArgumentException(m.append(": ").append(problem).toString());
  }
}
