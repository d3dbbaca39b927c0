package io.keyloom.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and validates a seed YAML file. {@code ${ENV}} references are expanded inside string values
 * only, after parsing (see {@link ExpandingParser}); errors name the file, line, column and field,
 * never a value, since values may be secrets (docs/seed-errors.md).
 */
public final class SeedLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final Map<String, String> environment;

  /** A loader resolving {@code ${ENV}} against the given environment. */
  public SeedLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads the file.
   *
   * @throws IllegalArgumentException when the file is unreadable or invalid; the one-line message
   *     names the file, position, field and problem but never a value from the file
   */
  public Seed load(Path file) {
    return read(file).seed();
  }

  /**
   * Loads the file and keeps where each field is, for errors found later ({@link SeedFile#error}).
   *
   * @throws IllegalArgumentException as {@link #load} does
   */
  public SeedFile read(Path file) {
    String text = readText(file);
    ExpandingParser parser = null;
    SeedPositions positions = SeedPositions.none();
    try {
      checkFields(file, text);
      try (JsonParser p = YAML.getFactory().createParser(text)) {
        positions = SeedPositions.of(p);
      }
      parser = new ExpandingParser(YAML.getFactory().createParser(text), environment);
      Seed seed = parser.nextToken() == null ? null : YAML.readValue(parser, Seed.class);
      SeedFile loaded = new SeedFile(file, seed == null ? new Seed(null) : seed, positions);
      SeedChecks.keys(loaded);
      return loaded;
    } catch (IOException e) {
      ExpandingParser.MissingVariable missing = parser == null ? null : parser.missing();
      if (missing != null) {
        throw error(
            file,
            missing.location(),
            missing.path(),
            "environment variable " + missing.name() + " is not set");
      }
      throw describe(file, positions, e);
    }
  }

  private static void checkFields(Path file, String text) throws IOException {
    try (JsonParser p = YAML.getFactory().createParser(text)) {
      if (p.nextToken() == null) {
        return;
      }
      SeedShape.UnknownField u = SeedShape.firstUnknown(p);
      if (u != null) {
        throw error(
            file,
            u.location(),
            null,
            "unknown field '"
                + u.name()
                + "' in "
                + SeedFields.kind(u.in())
                + " (known: "
                + u.known()
                + ")");
      }
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("seed file " + file + " cannot be read: no such file");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(
          "seed file " + file + " cannot be read: permission denied");
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException("seed file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "seed file " + file + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static IllegalArgumentException describe(
      Path file, SeedPositions positions, IOException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof StreamReadException p) {
        // The parser's own message may quote the offending line, which may hold a secret.
        return error(file, p.getLocation(), null, "not valid YAML");
      }
    }
    if (e instanceof UnrecognizedPropertyException u) { // SeedShape finds these first
      return error(file, u.getLocation(), null, "unknown field '" + u.getPropertyName() + "'");
    }
    if (e instanceof JsonMappingException m) {
      return describeMapping(file, positions, m);
    }
    return new IllegalArgumentException(
        "seed file " + file + " cannot be read: " + e.getClass().getSimpleName());
  }

  /** A value that YAML parsed but that does not fit the seed's shape or rules. */
  private static IllegalArgumentException describeMapping(
      Path file, SeedPositions positions, JsonMappingException e) {
    if (e instanceof ValueInstantiationException v
        && v.getCause() instanceof SeedFieldException f) {
      String path = SeedFields.path(v.getPath()) + "." + f.field();
      return error(file, positions.find(path), path, f.getMessage());
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      // Seed's own validation messages, which name fields and rules, never values.
      return error(file, v.getLocation(), SeedFields.path(v.getPath()), v.getCause().getMessage());
    }
    if (e instanceof MismatchedInputException m) {
      return error(
          file,
          m.getLocation(),
          SeedFields.path(m.getPath()),
          "expected " + SeedFields.expected(m.getTargetType()));
    }
    return error(file, e.getLocation(), SeedFields.path(e.getPath()), "invalid value");
  }

  private static IllegalArgumentException error(
      Path file, JsonLocation at, String path, String problem) {
    return SeedFile.error(file, at, path, problem);
  }
}
