package io.keyloom.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parser that expands {@code ${VAR}} inside string scalars only, after YAML parsing: comments and
 * keys are never expanded, and an expanded value may hold any character ({@code "}, {@code #},
 * newlines) because it never goes back through the YAML syntax.
 */
final class ExpandingParser extends JsonParserDelegate {
  private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private final Map<String, String> environment;
  private MissingVariable missing;

  /** A variable the seed refers to that is not set, where it was referred to. */
  record MissingVariable(String name, JsonLocation location, String path) {}

  ExpandingParser(JsonParser yaml, Map<String, String> environment) {
    super(yaml);
    this.environment = environment;
  }

  /** The first unset variable met, if any; its read failed. */
  MissingVariable missing() {
    return missing;
  }

  @Override
  public String getText() throws IOException {
    String text = super.getText();
    return hasToken(JsonToken.VALUE_STRING) ? expand(text) : text;
  }

  @Override
  public String getValueAsString() throws IOException {
    return hasToken(JsonToken.VALUE_STRING) ? getText() : super.getValueAsString();
  }

  @Override
  public String getValueAsString(String defaultValue) throws IOException {
    return hasToken(JsonToken.VALUE_STRING) ? getText() : super.getValueAsString(defaultValue);
  }

  // Buffering callers (TokenBuffer) copy characters when they can; make them go through getText.
  @Override
  public boolean hasTextCharacters() {
    return !hasToken(JsonToken.VALUE_STRING) && super.hasTextCharacters();
  }

  @Override
  public char[] getTextCharacters() throws IOException {
    return hasToken(JsonToken.VALUE_STRING) ? getText().toCharArray() : super.getTextCharacters();
  }

  @Override
  public int getTextLength() throws IOException {
    return hasToken(JsonToken.VALUE_STRING) ? getText().length() : super.getTextLength();
  }

  @Override
  public int getTextOffset() throws IOException {
    return hasToken(JsonToken.VALUE_STRING) ? 0 : super.getTextOffset();
  }

  private String expand(String text) throws IOException {
    if (text == null || text.indexOf('$') < 0) {
      return text;
    }
    Matcher m = ENV_REF.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = environment.get(m.group(1));
      if (value == null) {
        if (missing == null) {
          missing =
              new MissingVariable(m.group(1), currentTokenLocation(), path(getParsingContext()));
        }
        // Message without the value or the variable: the loader reports from missing().
        throw new IOException("unset environment variable");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The field path of a parsing context, e.g. {@code domains[0].users[0].password}. */
  static String path(JsonStreamContext context) {
    StringBuilder out = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        out.insert(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        out.insert(
            0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
      }
    }
    return out.toString();
  }
}
