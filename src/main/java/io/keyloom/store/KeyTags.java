package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags of keys, the store side (docs/tags.md): at most one value per tag key on a key. Writes
 * re-check, in their transaction, that the key still exists and is not past its deletion date, so
 * that a tag never outlives its key; {@link KeyDeletions} deletes a destroyed key's tags.
 */
public final class KeyTags {
  private final Database db;
  private final Clock clock;

  /** Tags over the given database, reading "now" from {@code clock}. */
  public KeyTags(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** One tag: its key and value (never null, may be empty). */
  public record Tag(String key, String value) {}

  /** What {@link #write} did. */
  public enum Outcome {
    DONE,
    NO_KEY,
    TOO_MANY
  }

  /** The tags of a key, ordered by tag key. */
  public List<Tag> of(String keyId) {
    return db.inTransaction(c -> tags(c, keyId));
  }

  /**
   * Sets the given tags on a key in one transaction, replacing the value of a tag key it already
   * has, unless the key would then carry more than {@code max} tags.
   */
  public Outcome write(String keyId, List<Tag> tags, int max) {
    return db.inTransaction(
        c -> {
          if (!live(c, keyId)) {
            return Outcome.NO_KEY;
          }
          List<String> present = tags(c, keyId).stream().map(Tag::key).toList();
          long added = tags.stream().filter(t -> !present.contains(t.key)).count();
          if (present.size() + added > max) {
            return Outcome.TOO_MANY;
          }
          for (Tag tag : tags) {
            Jdbc.update(c, "DELETE FROM key_tags WHERE key_id = ? AND tag_key = ?", keyId, tag.key);
            Jdbc.update(
                c,
                "INSERT INTO key_tags (key_id, tag_key, tag_value, created_at) VALUES (?, ?, ?, ?)",
                keyId,
                tag.key,
                tag.value,
                clock.millis());
          }
          return Outcome.DONE;
        });
  }

  /**
   * Deletes the given tag keys of a key in one transaction; tag keys it does not carry are skipped.
   *
   * @return how many tags were deleted
   */
  public int delete(String keyId, List<String> tagKeys) {
    return db.inTransaction(
        c -> {
          int deleted = 0;
          for (String tagKey : tagKeys) {
            deleted +=
                Jdbc.update(
                    c, "DELETE FROM key_tags WHERE key_id = ? AND tag_key = ?", keyId, tagKey);
          }
          return deleted;
        });
  }

  /**
   * Every tag of the project's keys that are not past their deletion date: each tag key with its
   * distinct values, ordered by tag key then value.
   */
  public Map<String, List<String>> ofProject(String projectId) {
    List<Tag> rows =
        db.inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT DISTINCT t.tag_key, t.tag_value FROM key_tags t"
                        + " JOIN cmks ON cmks.key_id = t.key_id"
                        + " WHERE cmks.project_id = ? AND "
                        + KeyRepository.LIVE
                        + " ORDER BY t.tag_key, t.tag_value",
                    rs -> new Tag(rs.getString(1), rs.getString(2)),
                    projectId,
                    clock.millis()));
    Map<String, List<String>> grouped = new LinkedHashMap<>();
    for (Tag tag : rows) {
      grouped.computeIfAbsent(tag.key, k -> new ArrayList<>()).add(tag.value);
    }
    return grouped;
  }

  /**
   * The project's keys that are not past their deletion date, in list-keys order (creation date,
   * key id), each with its tags, read in one transaction.
   */
  public List<TaggedKey> keysOf(String projectId) {
    return db.inTransaction(
        c -> {
          long now = clock.millis();
          List<KeyRow> rows =
              Jdbc.query(
                  c,
                  KeyRepository.SELECT
                      + " WHERE project_id = ? AND "
                      + KeyRepository.LIVE
                      + " ORDER BY creation_date, key_id",
                  KeyRepository::map,
                  projectId,
                  now);
          Map<String, List<Tag>> tags = tagsOfProject(c, projectId);
          List<TaggedKey> keys = new ArrayList<>();
          for (KeyRow row : rows) {
            keys.add(new TaggedKey(row, tags.getOrDefault(row.keyId(), List.of())));
          }
          return keys;
        });
  }

  /** A key with its tags, ordered by tag key. */
  public record TaggedKey(KeyRow row, List<Tag> tags) {}

  /** Every tag of the project's keys, by key id, each key's ordered by tag key. */
  private static Map<String, List<Tag>> tagsOfProject(Connection c, String projectId)
      throws SQLException {
    Map<String, List<Tag>> tags = new LinkedHashMap<>();
    Jdbc.query(
        c,
        "SELECT t.key_id, t.tag_key, t.tag_value FROM key_tags t"
            + " JOIN cmks ON cmks.key_id = t.key_id WHERE cmks.project_id = ?"
            + " ORDER BY t.key_id, t.tag_key",
        rs ->
            tags.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(new Tag(rs.getString(2), rs.getString(3))),
        projectId);
    return tags;
  }

  private static List<Tag> tags(Connection c, String keyId) throws SQLException {
    return Jdbc.query(
        c,
        "SELECT tag_key, tag_value FROM key_tags WHERE key_id = ? ORDER BY tag_key",
        rs -> new Tag(rs.getString(1), rs.getString(2)),
        keyId);
  }

  private boolean live(Connection c, String keyId) throws SQLException {
    return Jdbc.query(
                c,
                "SELECT 1 FROM cmks WHERE key_id = ? AND " + KeyRepository.LIVE,
                rs -> 1,
                keyId,
                clock.millis())
            .size()
        == 1;
  }
}
