package io.keyloom.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Customer master keys and their versions. Material arrives and leaves already wrapped: this class
 * never sees a plaintext key.
 */
public final class KeyRepository {
  private static final String SELECT =
      "SELECT key_id, project_id, domain_id, key_alias, key_spec, key_usage, key_description,"
          + " origin, key_state, enterprise_project_id, default_key, creation_date,"
          + " scheduled_deletion_date, current_version FROM cmks";

  private final Database db;
  private final Clock clock;

  /** A repository over the given database. */
  public KeyRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Inserts a key and, when material is given, its first version, atomically.
   *
   * @throws StoreException.Duplicate when the alias is already used in the project
   */
  public void insert(KeyRow k, Optional<byte[]> wrappedMaterial) {
    db.inTransaction(
        c -> {
          Jdbc.update(
              c,
              "INSERT INTO cmks (key_id, project_id, domain_id, key_alias, key_spec, key_usage,"
                  + " key_description, origin, key_state, enterprise_project_id, default_key,"
                  + " creation_date, scheduled_deletion_date, current_version)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              k.keyId(),
              k.projectId(),
              k.domainId(),
              k.alias(),
              k.spec(),
              k.usage(),
              k.description(),
              k.origin(),
              k.state(),
              k.enterpriseProjectId(),
              k.defaultKey() ? 1 : 0,
              k.creationDate(),
              k.scheduledDeletionDate(),
              k.currentVersion());
          if (wrappedMaterial.isPresent()) {
            Jdbc.update(
                c,
                "INSERT INTO cmk_versions (key_id, version, wrapped_material, created_at)"
                    + " VALUES (?, ?, ?, ?)",
                k.keyId(),
                k.currentVersion(),
                Base64.getEncoder().encodeToString(wrappedMaterial.get()),
                clock.millis());
          }
          return null;
        });
  }

  /** Finds a key by id in any project; callers enforce tenancy. */
  public Optional<KeyRow> find(String keyId) {
    List<KeyRow> rows =
        db.inTransaction(
            c -> Jdbc.query(c, SELECT + " WHERE key_id = ?", KeyRepository::map, keyId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Whether the alias is taken in the project. */
  public boolean aliasExists(String projectId, String alias) {
    return !db.inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT 1 FROM cmks WHERE project_id = ? AND key_alias = ?",
                    rs -> 1,
                    projectId,
                    alias))
        .isEmpty();
  }

  /**
   * Changes a key's state only if it is still in the expected state.
   *
   * @return false when another writer changed the state first
   */
  public boolean compareAndSetState(String keyId, String expected, String next) {
    int n =
        db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET key_state = ? WHERE key_id = ? AND key_state = ?",
                    next,
                    keyId,
                    expected));
    return n == 1;
  }

  /** The wrapped material of one version. */
  public Optional<byte[]> findMaterial(String keyId, int version) {
    List<byte[]> rows =
        db.inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT wrapped_material FROM cmk_versions WHERE key_id = ? AND version = ?",
                    rs -> Base64.getDecoder().decode(rs.getString(1)),
                    keyId,
                    version));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private static KeyRow map(ResultSet rs) throws SQLException {
    long deletion = rs.getLong(13);
    Long scheduled = rs.wasNull() ? null : deletion;
    return new KeyRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getInt(11) == 1,
        rs.getLong(12),
        scheduled,
        rs.getInt(14));
  }
}
