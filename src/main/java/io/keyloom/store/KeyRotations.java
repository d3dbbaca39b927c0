package io.keyloom.store;

import java.util.List;

/**
 * Automatic key rotation, the store side: the rotation settings of a key and the rotation itself
 * (docs/key-rotation.md). Material arrives already wrapped.
 *
 * <p>Invariant kept by every method here, as V4 declares it: {@code next_rotation} is set exactly
 * while {@code rotation_enabled} is 1, so "due" needs no knowledge of the flag.
 */
public final class KeyRotations {
  private final Database db;

  /** Rotations over the given database. */
  public KeyRotations(Database db) {
    this.db = db;
  }

  /**
   * Turns automatic rotation on with the given interval and next due time, unless it is already on
   * (a concurrent enable won) or the key is gone.
   *
   * @return false when rotation was already on or the key does not exist
   */
  public boolean enable(String keyId, int intervalDays, long nextRotation) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET rotation_enabled = 1, rotation_interval = ?,"
                        + " next_rotation = ? WHERE key_id = ? AND rotation_enabled = 0",
                    intervalDays,
                    nextRotation,
                    keyId))
        == 1;
  }

  /**
   * Turns automatic rotation off; the interval, the count and the last rotation stay.
   *
   * @return false when rotation was not on or the key does not exist
   */
  public boolean disable(String keyId) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET rotation_enabled = 0, next_rotation = NULL"
                        + " WHERE key_id = ? AND rotation_enabled = 1",
                    keyId))
        == 1;
  }

  /**
   * Changes the interval of a key whose rotation is on, with the next due time computed from it.
   *
   * @return false when rotation is not on or the key does not exist
   */
  public boolean changeInterval(String keyId, int intervalDays, long nextRotation) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET rotation_interval = ?, next_rotation = ?"
                        + " WHERE key_id = ? AND rotation_enabled = 1",
                    intervalDays,
                    nextRotation,
                    keyId))
        == 1;
  }

  /**
   * Up to {@code limit} keys in {@code state} whose rotation is due at {@code now}, most overdue
   * first. Keys in other states (disabled, pending deletion) wait, and are due again as soon as
   * they are back in {@code state}.
   */
  public List<KeyRow> due(String state, long now, int limit) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                KeyRepository.SELECT
                    + " WHERE next_rotation <= ? AND key_state = ?"
                    + " AND scheduled_deletion_date IS NULL"
                    + " ORDER BY next_rotation, key_id LIMIT ?",
                KeyRepository::map,
                now,
                state,
                limit));
  }

  /**
   * Adds version {@code fromVersion + 1} with its wrapped material and makes it current, counting
   * the rotation, in one transaction. The first statement is a compare-and-set on the current
   * version (and write-locks the row), so two sweeps, on one node or two, that read the same row
   * rotate it once: the second finds the version moved on and writes nothing.
   *
   * @param fromVersion the current version the caller read
   * @param wrapped the new version's material, wrapped for version {@code fromVersion + 1}
   * @param nextRotation the next due time; ignored (left empty) if rotation was turned off
   *     meanwhile
   * @return false, with nothing written, when the current version is no longer {@code fromVersion}
   */
  public boolean rotate(
      String keyId, int fromVersion, byte[] wrapped, long now, long nextRotation) {
    return db.inTransaction(
        c -> {
          int claimed =
              Jdbc.update(
                  c,
                  "UPDATE cmks SET current_version = ?, rotations = rotations + 1,"
                      + " last_rotation = ?,"
                      + " next_rotation = CASE WHEN rotation_enabled = 1 THEN ? ELSE NULL END"
                      + " WHERE key_id = ? AND current_version = ?",
                  fromVersion + 1,
                  now,
                  nextRotation,
                  keyId,
                  fromVersion);
          if (claimed != 1) {
            return false;
          }
          KeyColumns.insertVersion(c, keyId, fromVersion + 1, wrapped, now);
          return true;
        });
  }

  /**
   * Sets a key's rotation settings as a seed file declares them, whatever they were; the count and
   * the last rotation stay.
   *
   * @param nextRotation the next due time while enabled, null while off
   */
  public void settle(String keyId, boolean enabled, int intervalDays, Long nextRotation) {
    db.inTransaction(
        c ->
            Jdbc.update(
                c,
                "UPDATE cmks SET rotation_enabled = ?, rotation_interval = ?, next_rotation = ?"
                    + " WHERE key_id = ?",
                enabled ? 1 : 0,
                intervalDays,
                nextRotation,
                keyId));
  }

  /**
   * Inserts a key with versions 1..n, {@code wrapped.get(i)} being version i + 1, in one
   * transaction; the row's current version must be n. For seeded keys, which the quota never
   * refuses.
   *
   * @throws StoreException.Duplicate when the alias is already used in the project
   */
  public void insertWithVersions(KeyRow row, List<byte[]> wrapped) {
    if (row.currentVersion() != wrapped.size()) {
      throw new IllegalArgumentException("the current version must be the last one given");
    }
    db.inTransaction(
        c -> {
          KeyRepository.insertRow(c, row);
          for (int i = 0; i < wrapped.size(); i++) {
            KeyColumns.insertVersion(c, row.keyId(), i + 1, wrapped.get(i), row.creationDate());
          }
          return null;
        });
  }
}
