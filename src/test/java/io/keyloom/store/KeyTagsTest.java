package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A destroyed key leaves no tag row behind, whether it was due or the store was reset. */
class KeyTagsTest {
  static final String PROJECT = KeyQuotaRaceTest.PROJECT;
  static final List<KeyTags.Tag> TAGS = List.of(new KeyTags.Tag("env", "dev"));

  @TempDir Path dir;
  Database db;
  KeyRepository keys;
  KeyTags tags;
  KeyDeletions deletions;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("k.db"));
    Clock clock = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);
    IdentityRepository ids = new IdentityRepository(db, clock);
    ids.insertDomain(new DomainRow("d1", "acme"));
    ids.insertProject(new ProjectRow(PROJECT, "d1", "cn-north-4"));
    keys = new KeyRepository(db, clock);
    tags = new KeyTags(db, clock);
    deletions = new KeyDeletions(db, clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  int tagRows() {
    return db.inTransaction(
        c -> Jdbc.query(c, "SELECT COUNT(*) FROM key_tags", rs -> rs.getInt(1)).get(0));
  }

  String key(int i) {
    KeyRow row = KeyQuotaRaceTest.row(i);
    assertThat(keys.insert(row, Optional.of(new byte[] {1}), 100)).isTrue();
    assertThat(tags.write(row.keyId(), TAGS, 20)).isEqualTo(KeyTags.Outcome.DONE);
    return row.keyId();
  }

  @Test
  void destroyingADueKey_deletesItsTags_andOnlyItsTags() {
    String due = key(1);
    String kept = key(2);
    assertThat(deletions.schedule(due, "4", 999_999)).isTrue();
    assertThat(deletions.destroy(due)).isTrue();
    assertThat(tagRows()).isEqualTo(1);
    assertThat(tags.of(kept)).isEqualTo(TAGS);
    assertThat(tags.write(due, TAGS, 20)).isEqualTo(KeyTags.Outcome.NO_KEY);
  }

  @Test
  void destroyAll_deletesEveryTag() {
    key(1);
    key(2);
    deletions.destroyAll();
    assertThat(tagRows()).isZero();
  }

  @Test
  void aKeyPastItsDeletionDate_takesNoNewTag_andItsTagsAreNotListed() {
    String due = key(1);
    assertThat(deletions.schedule(due, "4", 999_999)).isTrue();
    assertThat(tags.write(due, TAGS, 20)).isEqualTo(KeyTags.Outcome.NO_KEY);
    assertThat(tags.ofProject(PROJECT)).isEmpty();
    assertThat(tags.keysOf(PROJECT)).isEmpty();
  }
}
