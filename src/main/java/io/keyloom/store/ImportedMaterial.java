package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * The store side of BYOK import (docs/key-import.md): storing imported material (already wrapped
 * under the root key) with the key's new state, deleting it again, and finding material past its
 * expiration. Each change of material and state is one transaction, guarded by the state the caller
 * expects, so concurrent imports, deletions and expiry sweeps cannot interleave. States are the
 * callers' wire strings, compared but not interpreted.
 */
public final class ImportedMaterial {
  /** How {@link #store} ended. */
  public enum Outcome {
    /** The material is stored and the key is in its new state. */
    STORED,
    /** The key is not in the expected state (or is gone): nothing was written. */
    WRONG_STATE,
    /** The key has a check value that differs from the material's: nothing was written. */
    OTHER_MATERIAL
  }

  private final Database db;
  private final Clock clock;

  /** Imported material over the given database, reading "now" from {@code clock}. */
  public ImportedMaterial(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Stores {@code wrapped} as the key's version {@code version} and moves the key from {@code
   * pendingState} to {@code enabledState}, with its material expiration (null: never) and check
   * value, unless the key already has a different check value (an earlier import).
   */
  public Outcome store(
      String keyId, int version, byte[] wrapped, Long expiration, String check, States states) {
    return db.inTransaction(
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE cmks SET key_state = ?, material_expiration = ?,"
                      + " material_check = COALESCE(material_check, ?)"
                      + " WHERE key_id = ? AND key_state = ?"
                      + " AND (material_check IS NULL OR material_check = ?)",
                  states.to(),
                  expiration,
                  check,
                  keyId,
                  states.from(),
                  check);
          if (updated != 1) {
            return whyNot(c, keyId, states.from());
          }
          replaceVersions(c, keyId, version, wrapped);
          return Outcome.STORED;
        });
  }

  /** Makes {@code wrapped} the key's only version. */
  private void replaceVersions(Connection c, String keyId, int version, byte[] wrapped)
      throws SQLException {
    Jdbc.update(c, "DELETE FROM cmk_versions WHERE key_id = ?", keyId);
    KeyColumns.insertVersion(c, keyId, version, wrapped, clock.millis());
  }

  private static Outcome whyNot(Connection c, String keyId, String pendingState)
      throws SQLException {
    List<String> state =
        Jdbc.query(c, "SELECT key_state FROM cmks WHERE key_id = ?", rs -> rs.getString(1), keyId);
    return state.size() == 1 && state.get(0).equals(pendingState)
        ? Outcome.OTHER_MATERIAL
        : Outcome.WRONG_STATE;
  }

  /**
   * Deletes every version of the key's material and moves it to {@code states.to()}, only while it
   * is in {@code states.from()} or {@code alsoFrom}; the check value stays for a later re-import.
   *
   * @return false, with nothing written, when the key is in another state or gone
   */
  public boolean delete(String keyId, States states, String alsoFrom) {
    boolean deleted =
        db.inTransaction(
            c -> {
              int updated =
                  Jdbc.update(
                      c,
                      "UPDATE cmks SET key_state = ?, material_expiration = NULL"
                          + " WHERE key_id = ? AND key_state IN (?, ?)",
                      states.to(),
                      keyId,
                      states.from(),
                      alsoFrom);
              if (updated == 1) {
                Jdbc.update(c, "DELETE FROM cmk_versions WHERE key_id = ?", keyId);
              }
              return updated == 1;
            });
    if (deleted) {
      db.reclaimDeletedSpace();
    }
    return deleted;
  }

  /** Up to {@code limit} ids of keys whose imported material has expired, oldest first. */
  public List<String> expired(int limit) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                "SELECT key_id FROM cmks WHERE material_expiration <= ?"
                    + " ORDER BY material_expiration, key_id LIMIT ?",
                rs -> rs.getString(1),
                clock.millis(),
                limit));
  }

  /**
   * Deletes the material of a key whose expiration has passed. A key in {@code states.from()} or
   * {@code alsoFrom} (enabled, disabled) moves to {@code states.to()} (pending import); a key in
   * another state (pending deletion) keeps it, and a later cancel finds no material.
   *
   * @return false when the material is not expired (re-imported, deleted, not yet due)
   */
  public boolean expire(String keyId, States states, String alsoFrom) {
    return db.inTransaction(
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE cmks SET material_expiration = NULL, key_state ="
                      + " CASE WHEN key_state IN (?, ?) THEN ? ELSE key_state END"
                      + " WHERE key_id = ? AND material_expiration <= ?",
                  states.from(),
                  alsoFrom,
                  states.to(),
                  keyId,
                  clock.millis());
          if (updated == 1) {
            Jdbc.update(c, "DELETE FROM cmk_versions WHERE key_id = ?", keyId);
          }
          return updated == 1;
        });
  }

  /** Leaves no copy of deleted material in the database's log (see {@link Database}). */
  public void reclaimDeletedSpace() {
    db.reclaimDeletedSpace();
  }

  /**
   * A state change.
   *
   * @param from the state the key must be in
   * @param to the state it moves to
   */
  public record States(String from, String to) {}
}
