package io.keyloom.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Grants, the store side (docs/grants.md). Every method is one transaction; the per-key limit is
 * checked in the transaction that inserts, after write-locking the key's row.
 */
public final class GrantStore {
  private static final String COLUMNS =
      "grant_id, key_id, name, grantee_principal, grantee_principal_type, operations,"
          + " issuing_principal, retiring_principal, creation_date";

  /**
   * Who may retire a grant, as SQL over {@code ?} = user id, account id, user id, account id, user
   * id: its retiring principal, its creator, or its grantee when it grants retire-grant. A grant
   * without a retiring principal or creator ('') matches no caller on that count.
   */
  private static final String RETIRABLE_BY =
      " WHERE ((retiring_principal <> '' AND retiring_principal IN (?, ?))"
          + " OR (issuing_principal <> '' AND issuing_principal = ?)"
          + " OR (operations LIKE '%retire-grant%' AND ("
          + "(grantee_principal_type = 'domain' AND grantee_principal = ?)"
          + " OR (grantee_principal_type = 'user' AND grantee_principal = ?))))";

  private final Database db;

  /** Grants over the given database. */
  public GrantStore(Database db) {
    this.db = db;
  }

  /**
   * Stores a new grant unless its key already has {@code maxPerKey} grants.
   *
   * @return false, storing nothing, when the key has reached the limit
   */
  public boolean create(GrantRow row, int maxPerKey) {
    return db.inTransaction(
        c -> {
          // Write-locks the key's row first, as create-key does its project's (KeyRepository):
          // concurrent creates then count one after another, on SQLite and PostgreSQL alike.
          Jdbc.update(c, "UPDATE cmks SET key_id = key_id WHERE key_id = ?", row.keyId());
          if (count(c, row.keyId()) >= maxPerKey) {
            return false;
          }
          Jdbc.update(
              c,
              "INSERT INTO kms_grants (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
              row.grantId(),
              row.keyId(),
              row.name(),
              row.granteePrincipal(),
              row.granteeType(),
              String.join(",", row.operations()),
              row.issuingPrincipal(),
              row.retiringPrincipal(),
              row.creationDate());
          return true;
        });
  }

  /** The grant with this id, if any. */
  public Optional<GrantRow> find(String grantId) {
    return db
        .inTransaction(
            c ->
                Jdbc.query(
                    c,
                    "SELECT " + COLUMNS + " FROM kms_grants WHERE grant_id = ?",
                    GrantStore::row,
                    grantId))
        .stream()
        .findFirst();
  }

  /** Every grant of a key, oldest first: what a node caches to decide a grantee's call. */
  public List<GrantRow> ofKey(String keyId) {
    return ofKey(keyId, Integer.MAX_VALUE, 0);
  }

  /** One page of a key's grants, oldest first. */
  public List<GrantRow> ofKey(String keyId, int limit, int offset) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM kms_grants WHERE key_id = ?"
                    + " ORDER BY creation_date, grant_id LIMIT ? OFFSET ?",
                GrantStore::row,
                keyId,
                limit,
                offset));
  }

  /** How many grants a key has. */
  public int countOfKey(String keyId) {
    return db.inTransaction(c -> count(c, keyId));
  }

  /** The most grants any one key of the project has: the usage of the per-key quota. */
  public int mostOnOneKey(String projectId) {
    return db.inTransaction(
        c ->
            Jdbc.query(
                    c,
                    "SELECT COUNT(*) AS n FROM kms_grants g JOIN cmks k ON k.key_id = g.key_id"
                        + " WHERE k.project_id = ? GROUP BY g.key_id ORDER BY n DESC LIMIT 1",
                    rs -> rs.getInt(1),
                    projectId)
                .stream()
                .findFirst()
                .orElse(0));
  }

  /**
   * One page of the grants a user of an account may retire, on any key, oldest first.
   *
   * @param userId the caller's user id
   * @param domainId the caller's account
   */
  public List<GrantRow> retirable(String userId, String domainId, int limit, int offset) {
    Object[] params = retirableParams(userId, domainId, limit, offset);
    return db.inTransaction(
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM kms_grants"
                    + RETIRABLE_BY
                    + " ORDER BY creation_date, grant_id LIMIT ? OFFSET ?",
                GrantStore::row,
                params));
  }

  /** How many grants a user of an account may retire. */
  public int countRetirable(String userId, String domainId) {
    Object[] params = retirableParams(userId, domainId, 0, 0);
    Object[] where = Arrays.copyOf(params, params.length - 2);
    return db.inTransaction(
        c ->
            Jdbc.query(
                    c, "SELECT COUNT(*) FROM kms_grants" + RETIRABLE_BY, rs -> rs.getInt(1), where)
                .get(0));
  }

  /**
   * Deletes a grant of a key.
   *
   * @return false when there is no such grant of that key
   */
  public boolean delete(String keyId, String grantId) {
    return db.inTransaction(
            c ->
                Jdbc.update(
                    c, "DELETE FROM kms_grants WHERE grant_id = ? AND key_id = ?", grantId, keyId))
        == 1;
  }

  private static Object[] retirableParams(String userId, String domainId, int limit, int offset) {
    return new Object[] {userId, domainId, userId, domainId, userId, limit, offset};
  }

  private static int count(Connection c, String keyId) throws SQLException {
    return Jdbc.query(
            c, "SELECT COUNT(*) FROM kms_grants WHERE key_id = ?", rs -> rs.getInt(1), keyId)
        .get(0);
  }

  private static GrantRow row(ResultSet rs) throws SQLException {
    return new GrantRow(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        List.of(rs.getString(6).split(",")),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9));
  }
}
