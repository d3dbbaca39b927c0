package io.keyloom.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a seed file starts, by field path ({@code domains[0].projects[1].keys[0].
 * spec}), so that errors found after binding, or later against the database, still name a line and
 * column.
 */
public final class SeedPositions {
  private final Map<String, JsonLocation> starts;

  private SeedPositions(Map<String, JsonLocation> starts) {
    this.starts = starts;
  }

  /** Reads every token of a fresh parser over the document. */
  static SeedPositions of(JsonParser p) throws IOException {
    Map<String, JsonLocation> starts = new HashMap<>();
    for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
      if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
        continue;
      }
      JsonStreamContext context = p.getParsingContext();
      // A container's own context is new; its path is where its parent stands.
      String path = ExpandingParser.path(t.isStructStart() ? context.getParent() : context);
      starts.putIfAbsent(path, p.currentTokenLocation());
    }
    return new SeedPositions(starts);
  }

  /** An empty map, for seeds that were not read from a file. */
  static SeedPositions none() {
    return new SeedPositions(Map.of());
  }

  /**
   * Where {@code path} starts; for a field the file leaves out, where its nearest enclosing record
   * starts; null when nothing is known.
   */
  JsonLocation find(String path) {
    for (String p = path; p != null; p = parent(p)) {
      JsonLocation at = starts.get(p);
      if (at != null) {
        return at;
      }
    }
    return null;
  }

  private static String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }
}
