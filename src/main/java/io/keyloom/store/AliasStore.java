package io.keyloom.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Aliases, the store side (docs/aliases.md): one row per alias of an account and region. Every
 * method is one transaction; a second alias of the same name is refused by the primary key.
 */
public final class AliasStore {
  private static final String COLUMNS =
      "domain_id, region, alias, project_id, key_id, created_at, updated_at";
  private final Database db;

  /** Aliases over the given database. */
  public AliasStore(Database db) {
    this.db = db;
  }

  /**
   * Stores a new alias.
   *
   * @return false when the account already has an alias of this name in the region
   */
  public boolean create(AliasRow row) {
    try {
      db.inTransaction(
          c ->
              Jdbc.update(
                  c,
                  "INSERT INTO kms_aliases (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                  row.domainId(),
                  row.region(),
                  row.alias(),
                  row.projectId(),
                  row.keyId(),
                  row.createdAt(),
                  row.updatedAt()));
      return true;
    } catch (StoreException.Duplicate e) {
      return false;
    }
  }

  /** The alias of this name in the account and region, if any. */
  public Optional<AliasRow> find(String domainId, String region, String alias) {
    return db
        .inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT "
                        + COLUMNS
                        + " FROM kms_aliases"
                        + " WHERE domain_id = ? AND region = ? AND alias = ?",
                    AliasStore::row,
                    domainId,
                    region,
                    alias))
        .stream()
        .findFirst();
  }

  /**
   * One page of the account's aliases in the region, by name, optionally of one key only.
   *
   * @param keyId the key whose aliases to list, or null for all
   * @param offset how many to skip
   */
  public List<AliasRow> list(String domainId, String region, String keyId, int limit, int offset) {
    String where = "WHERE domain_id = ? AND region = ?" + (keyId == null ? "" : " AND key_id = ?");
    String sql =
        "SELECT " + COLUMNS + " FROM kms_aliases " + where + " ORDER BY alias LIMIT ? OFFSET ?";
    Object[] params =
        keyId == null
            ? new Object[] {domainId, region, limit, offset}
            : new Object[] {domainId, region, keyId, limit, offset};
    return db.inTransaction(c -> Jdbc.query(c, sql, AliasStore::row, params));
  }

  /**
   * Deletes aliases of one key, all or none.
   *
   * @return false, deleting nothing, when one of them is not an alias of that key
   */
  public boolean delete(String domainId, String region, String keyId, List<String> aliases) {
    return db.inTransaction(
        c -> {
          int deleted = 0;
          for (String alias : aliases) {
            deleted +=
                Jdbc.update(
                    c,
                    "DELETE FROM kms_aliases"
                        + " WHERE domain_id = ? AND region = ? AND alias = ? AND key_id = ?",
                    domainId,
                    region,
                    alias,
                    keyId);
          }
          if (deleted != aliases.size()) {
            c.rollback();
            return false;
          }
          return true;
        });
  }

  /**
   * Points an existing alias at another key of the project.
   *
   * @return false when the alias does not exist
   */
  public boolean associate(
      String domainId, String region, String alias, String keyId, String projectId, long now) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c,
                    "UPDATE kms_aliases SET key_id = ?, project_id = ?, updated_at = ?"
                        + " WHERE domain_id = ? AND region = ? AND alias = ?",
                    keyId,
                    projectId,
                    now,
                    domainId,
                    region,
                    alias))
        == 1;
  }

  private static AliasRow row(ResultSet rs) throws SQLException {
    return new AliasRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getLong(6),
        rs.getLong(7));
  }
}
