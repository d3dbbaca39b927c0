package io.keyloom.store;

import java.time.Clock;
import java.util.List;

/**
 * Scheduled deletion of keys: the store side of schedule-key-deletion, cancel-key-deletion and the
 * sweep that destroys keys whose waiting period has passed.
 *
 * <p>Invariant kept by every method here: {@code scheduled_deletion_date} is set exactly while a
 * key waits for deletion, so "due" needs no knowledge of state values. States are the callers' wire
 * strings, compared but not interpreted.
 */
public final class KeyDeletions {
  private final Database db;
  private final Clock clock;

  /** Deletions over the given database, reading "now" from {@code clock}. */
  public KeyDeletions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Moves a key to {@code pendingState} with its deletion date, unless it is already in that state
   * (a concurrent schedule won) or gone.
   *
   * @return false when the key is already pending deletion or does not exist
   */
  public boolean schedule(String keyId, String pendingState, long deletionDate) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET key_state = ?, scheduled_deletion_date = ?"
                        + " WHERE key_id = ? AND key_state <> ?",
                    pendingState,
                    deletionDate,
                    keyId,
                    pendingState))
        == 1;
  }

  /**
   * Moves a key from {@code pendingState} to {@code nextState} and clears its deletion date, but
   * only while the date is still in the future: a key past its date is gone even if the sweep has
   * not run yet, so a cancel can never race a destruction.
   *
   * @return false when the key is not pending deletion (any more) or already due
   */
  public boolean cancel(String keyId, String pendingState, String nextState) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET key_state = ?, scheduled_deletion_date = NULL"
                        + " WHERE key_id = ? AND key_state = ? AND scheduled_deletion_date > ?",
                    nextState,
                    keyId,
                    pendingState,
                    clock.millis()))
        == 1;
  }

  /** Up to {@code limit} ids of keys whose deletion date has passed, oldest date first. */
  public List<String> due(int limit) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                "SELECT key_id FROM cmks WHERE scheduled_deletion_date <= ?"
                    + " ORDER BY scheduled_deletion_date, key_id LIMIT ?",
                rs -> rs.getString(1),
                clock.millis(),
                limit));
  }

  /**
   * Destroys a due key: its wrapped material (every version), its tags and its metadata row, in one
   * transaction. The first statement re-checks that the key is still due and write-locks its row
   * (the database's write lock on SQLite, the row lock on PostgreSQL), so a concurrent cancel
   * either commits first, and nothing is destroyed, or finds no key afterwards.
   *
   * @return false when the key is not due (cancelled, not yet due, or already destroyed)
   */
  public boolean destroy(String keyId) {
    return db.inTransaction(
        c -> {
          int claimed =
              Jdbc.update(
                  c,
                  "UPDATE cmks SET scheduled_deletion_date = scheduled_deletion_date"
                      + " WHERE key_id = ? AND scheduled_deletion_date <= ?",
                  keyId,
                  clock.millis());
          if (claimed != 1) {
            return false;
          }
          Jdbc.update(c, "DELETE FROM kms_aliases WHERE key_id = ?", keyId);
          Jdbc.update(c, "DELETE FROM cmk_versions WHERE key_id = ?", keyId);
          Jdbc.update(c, "DELETE FROM key_tags WHERE key_id = ?", keyId);
          Jdbc.update(c, "DELETE FROM kms_grants WHERE key_id = ?", keyId);
          Jdbc.update(c, "DELETE FROM cmks WHERE key_id = ?", keyId);
          return true;
        });
  }

  /**
   * Destroys every key of every project at once, pending deletion or not: all wrapped material and
   * all metadata rows, in one transaction. For the emulator's reset (docs/emulator.md).
   *
   * @return how many keys were destroyed
   */
  public int destroyAll() {
    return db.inTransaction(
        c -> {
          Jdbc.update(c, "DELETE FROM kms_aliases");
          Jdbc.update(c, "DELETE FROM cmk_versions");
          Jdbc.update(c, "DELETE FROM key_tags");
          Jdbc.update(c, "DELETE FROM kms_grants");
          return Jdbc.update(c, "DELETE FROM cmks");
        });
  }

  /** Leaves no copy of destroyed rows in the database's log (see {@link Database}). */
  public void reclaimDeletedSpace() {
    db.reclaimDeletedSpace();
  }
}
