package io.keyloom.store;

import java.sql.Connection;
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
  static final String SELECT =
      "SELECT key_id, project_id, domain_id, key_alias, key_spec, key_usage, key_description,"
          + " origin, key_state, enterprise_project_id, default_key, creation_date,"
          + " scheduled_deletion_date, current_version, rotation_enabled, rotation_interval,"
          + " last_rotation, rotations, next_rotation, material_expiration, material_check"
          + " FROM cmks";

  /**
   * Rows still alive at the bound instant: a key whose deletion date has passed is gone for every
   * reader, even before the sweep has removed its rows.
   */
  static final String LIVE = "(scheduled_deletion_date IS NULL OR scheduled_deletion_date > ?)";

  private final Database db;
  private final Clock clock;

  /** A repository over the given database. */
  public KeyRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The database, for the stores that share this repository's (aliases). */
  public Database database() {
    return db;
  }

  /**
   * Inserts a key and, when material is given, its first version, atomically, unless the project
   * already holds {@code keyQuota} keys that count against the quota (see {@link #countKeys}).
   *
   * <p>The quota check and the insert run in one transaction that first write-locks the project's
   * row, so concurrent creates in one project are serialised and cannot race past the quota. On
   * PostgreSQL it is a row lock that later creates wait for before they count. On SQLite the first
   * write takes the database's write lock before the count is read; counting first would read a
   * snapshot that a concurrent create can outdate, which SQLite refuses at the insert with {@code
   * SQLITE_BUSY_SNAPSHOT} (KeyQuotaRaceTest fails that way without the lock).
   *
   * @return false, with nothing written, when the quota is reached
   * @throws StoreException.Duplicate when the alias is already used in the project
   */
  public boolean insert(KeyRow k, Optional<byte[]> wrappedMaterial, int keyQuota) {
    return db.inTransaction(
        c -> {
          Jdbc.update(c, "UPDATE projects SET created_at = created_at WHERE id = ?", k.projectId());
          if (countKeys(c, k.projectId()) >= keyQuota) {
            return false;
          }
          insertRow(c, k);
          if (wrappedMaterial.isPresent()) {
            KeyColumns.insertVersion(
                c, k.keyId(), k.currentVersion(), wrappedMaterial.get(), clock.millis());
          }
          return true;
        });
  }

  static void insertRow(Connection c, KeyRow k) throws SQLException {
    Jdbc.update(c, KeyColumns.INSERT, KeyColumns.values(k));
  }

  /**
   * The number of keys counting against the project's quota: every key that is not a service
   * default key and has not passed its deletion date, whatever its state (pending deletion and
   * pending import included).
   */
  public int countKeys(String projectId) {
    return db.inTransaction(c -> countKeys(c, projectId));
  }

  private int countKeys(Connection c, String projectId) throws SQLException {
    return Jdbc.query(
            c,
            "SELECT COUNT(*) FROM cmks WHERE project_id = ? AND default_key = 0 AND " + LIVE,
            rs -> rs.getInt(1),
            projectId,
            clock.millis())
        .get(0);
  }

  /** Finds a key by id in any project; callers enforce tenancy. */
  public Optional<KeyRow> find(String keyId) {
    List<KeyRow> rows =
        db.inTransaction(
            c -> Jdbc.query(c, SELECT + " WHERE key_id = ?", KeyRepository::map, keyId));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** The name of a project, a key's region, if the project exists. */
  public Optional<String> projectName(String projectId) {
    return db
        .inTransaction(
            c ->
                Jdbc.query(
                    c, "SELECT name FROM projects WHERE id = ?", rs -> rs.getString(1), projectId))
        .stream()
        .findFirst();
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

  /** The id of the key holding {@code alias} in the project, if any. */
  public Optional<String> aliasOwner(String projectId, String alias) {
    List<String> rows =
        db.inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT key_id FROM cmks WHERE project_id = ? AND key_alias = ?",
                    rs -> rs.getString(1),
                    projectId,
                    alias));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * Sets what a seed file declares of an existing key: alias, description and state, ending any
   * scheduled deletion, in one statement.
   *
   * @return false when the key does not exist (any more)
   * @throws StoreException.Duplicate when the alias is already used in the project
   */
  public boolean reseed(String keyId, String alias, String description, String state) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE cmks SET key_alias = ?, key_description = ?, key_state = ?,"
                        + " scheduled_deletion_date = NULL WHERE key_id = ?",
                    alias,
                    description,
                    state,
                    keyId))
        == 1;
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

  /**
   * Renames a key unless it is in {@code refusedState} (or gone).
   *
   * @return false when the key is in the refused state or does not exist
   * @throws StoreException.Duplicate when the alias is already used in the project
   */
  public boolean updateAlias(String keyId, String alias, String refusedState) {
    return updateColumn("key_alias", keyId, alias, refusedState);
  }

  /**
   * Changes a key's description unless it is in {@code refusedState} (or gone).
   *
   * @return false when the key is in the refused state or does not exist
   */
  public boolean updateDescription(String keyId, String description, String refusedState) {
    return updateColumn("key_description", keyId, description, refusedState);
  }

  private boolean updateColumn(String column, String keyId, String value, String refusedState) {
    // column is one of the two constants above, never request data
    String sql = "UPDATE cmks SET " + column + " = ? WHERE key_id = ? AND key_state <> ?";
    return db.inTransaction(c -> Jdbc.update(c, sql, value, keyId, refusedState)) == 1;
  }

  /** Whether any version of the key has material (an external key may have none yet). */
  public boolean hasMaterial(String keyId) {
    return !db.inTransaction(
            c ->
                Jdbc.query(
                    c, "SELECT 1 FROM cmk_versions WHERE key_id = ? LIMIT 1", rs -> 1, keyId))
        .isEmpty();
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

  static KeyRow map(ResultSet rs) throws SQLException {
    return KeyRow.builder()
        .keyId(rs.getString(1))
        .projectId(rs.getString(2))
        .domainId(rs.getString(3))
        .alias(rs.getString(4))
        .spec(rs.getString(5))
        .usage(rs.getString(6))
        .description(rs.getString(7))
        .origin(rs.getString(8))
        .state(rs.getString(9))
        .enterpriseProjectId(rs.getString(10))
        .defaultKey(rs.getInt(11) == 1)
        .creationDate(rs.getLong(12))
        .scheduledDeletionDate(nullableLong(rs, 13))
        .currentVersion(rs.getInt(14))
        .rotationEnabled(rs.getInt(15) == 1)
        .rotationInterval(rs.getInt(16))
        .lastRotation(nullableLong(rs, 17))
        .rotations(rs.getInt(18))
        .nextRotation(nullableLong(rs, 19))
        .materialExpiration(nullableLong(rs, 20))
        .materialCheck(rs.getString(21))
        .build();
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
