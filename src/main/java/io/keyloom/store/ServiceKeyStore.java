package io.keyloom.store;

import java.util.List;

/**
 * The {@code service_keys} table (migration V8, docs/root-of-trust.md): Keyloom's own keys, stored
 * wrapped under the root key. This class sees only opaque Base64 blobs; wrapping is the caller's.
 */
public final class ServiceKeyStore {
  private final Database db;

  /** A store over {@code db}. */
  public ServiceKeyStore(Database db) {
    this.db = db;
  }

  /**
   * One stored key.
   *
   * @param kid the key's id, as tokens name it
   * @param purpose what the key is for, e.g. {@code x-auth-token}
   * @param wrapped the key, wrapped under the root key, Base64
   * @param createdAt creation time, epoch milliseconds
   */
  public record Row(String kid, String purpose, String wrapped, long createdAt) {
    @Override
    public String toString() {
      return "Row[kid=" + kid + ", purpose=" + purpose + ", createdAt=" + createdAt + "]";
    }
  }

  /** Every key of {@code purpose}, oldest first. */
  public List<Row> list(String purpose) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                "SELECT kid, purpose, wrapped, created_at FROM service_keys WHERE purpose = ?"
                    + " ORDER BY created_at, kid",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                purpose));
  }

  /**
   * Stores a new key.
   *
   * @throws StoreException.Duplicate when a key with its kid exists
   */
  public void insert(Row row) {
    db.inTransaction(
        c ->
            Jdbc.update(
                c,
                "INSERT INTO service_keys (kid, purpose, wrapped, created_at) VALUES (?, ?, ?, ?)",
                row.kid(),
                row.purpose(),
                row.wrapped(),
                row.createdAt()));
  }

  /** Deletes the key {@code kid}; returns whether it existed. */
  public boolean delete(String kid) {
    return db.inTransaction(c -> Jdbc.update(c, "DELETE FROM service_keys WHERE kid = ?", kid)) > 0;
  }
}
