package io.keyloom.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates a seed YAML file, expanding {@code ${ENV}} references. */
public final class SeedLoader {
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Map<String, String> environment;

  /** A loader resolving {@code ${ENV}} against the given environment. */
  public SeedLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Loads the file.
   *
   * @throws IllegalArgumentException when the file is unreadable or invalid; the message names the
   *     problem but never a secret value
   */
  public Seed load(Path file) {
    try {
      String text = expand(Files.readString(file, StandardCharsets.UTF_8));
      ObjectMapper yaml =
          new ObjectMapper(new YAMLFactory())
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      Seed seed = yaml.readValue(text, Seed.class);
      return seed == null ? new Seed(null) : seed;
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("seed file " + file + ": " + cause.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "seed file " + file + " cannot be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private String expand(String text) {
    Matcher m = ENV_REF.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = environment.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "seed file refers to unset environment variable " + m.group(1));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
