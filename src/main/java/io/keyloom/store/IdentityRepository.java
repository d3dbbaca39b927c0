package io.keyloom.store;

import io.keyloom.store.IdentityRows.AccessKeyRow;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.UserRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Domains, projects, users and access keys. */
public final class IdentityRepository {
  private final Database db;
  private final Clock clock;

  /** A repository over the given database. */
  public IdentityRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Inserts a domain. */
  public void insertDomain(DomainRow d) {
    update("INSERT INTO domains (id, name, created_at) VALUES (?, ?, ?)", d.id(), d.name(), now());
  }

  /** Inserts a project. */
  public void insertProject(ProjectRow p) {
    update(
        "INSERT INTO projects (id, domain_id, name, created_at) VALUES (?, ?, ?, ?)",
        p.id(),
        p.domainId(),
        p.name(),
        now());
  }

  /** Inserts a user. */
  public void insertUser(UserRow u) {
    update(
        "INSERT INTO users (id, domain_id, name, password_hash, seed_check, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        u.id(),
        u.domainId(),
        u.name(),
        u.passwordHash(),
        u.seedCheck(),
        now());
  }

  /** Replaces a user's password hash; the seed check goes with it. */
  public void updatePasswordHash(String userId, String passwordHash) {
    updatePasswordHash(userId, passwordHash, null);
  }

  /** Replaces a user's password hash and seed check (null for none). */
  public void updatePasswordHash(String userId, String passwordHash, String seedCheck) {
    update(
        "UPDATE users SET password_hash = ?, seed_check = ? WHERE id = ?",
        passwordHash,
        seedCheck,
        userId);
  }

  /** Inserts an access key. */
  public void insertAccessKey(AccessKeyRow k) {
    update(
        "INSERT INTO access_keys (access_key, user_id, wrapped_secret, created_at)"
            + " VALUES (?, ?, ?, ?)",
        k.accessKey(),
        k.userId(),
        Base64.getEncoder().encodeToString(k.wrappedSecret()),
        now());
  }

  /** Deletes an access key, e.g. before re-inserting it with a new secret. */
  public void deleteAccessKey(String accessKey) {
    update("DELETE FROM access_keys WHERE access_key = ?", accessKey);
  }

  /**
   * Deletes, in one transaction, every identity not named in {@code keep}: access keys, users,
   * projects and domains, in that order (each refers to the next). The caller keeps the sets
   * consistent: a kept user's domain is kept too. Projects must hold no keys any more.
   *
   * @return how many rows were deleted
   */
  public int deleteAllBut(IdentityRows.Retained keep) {
    return db.inTransaction(
        c ->
            deleteOthers(c, "access_keys", "access_key", keep.accessKeys())
                + deleteOthers(c, "users", "id", keep.userIds())
                + deleteOthers(c, "projects", "id", keep.projectIds())
                + deleteOthers(c, "domains", "id", keep.domainIds()));
  }

  private static int deleteOthers(Connection c, String table, String column, Set<String> keep)
      throws SQLException {
    int deleted = 0;
    for (String id : Jdbc.query(c, "SELECT " + column + " FROM " + table, rs -> rs.getString(1))) {
      if (!keep.contains(id)) {
        deleted += Jdbc.update(c, "DELETE FROM " + table + " WHERE " + column + " = ?", id);
      }
    }
    return deleted;
  }

  /** Finds a domain by name. */
  public Optional<DomainRow> findDomainByName(String name) {
    return first(query("SELECT id, name FROM domains WHERE name = ?", this::domain, name));
  }

  /** Finds a domain by id. */
  public Optional<DomainRow> findDomain(String id) {
    return first(query("SELECT id, name FROM domains WHERE id = ?", this::domain, id));
  }

  /** All domains, by name. */
  public List<DomainRow> listDomains() {
    return query("SELECT id, name FROM domains ORDER BY name", this::domain);
  }

  /** Finds a project by id. */
  public Optional<ProjectRow> findProject(String id) {
    return first(query(PROJECT_SELECT + " WHERE id = ?", this::project, id));
  }

  /** The projects of a domain, by name. */
  public List<ProjectRow> listProjects(String domainId) {
    return query(PROJECT_SELECT + " WHERE domain_id = ? ORDER BY name", this::project, domainId);
  }

  /** Finds a project by its domain and name. */
  public Optional<ProjectRow> findProject(String domainId, String name) {
    return first(
        query(PROJECT_SELECT + " WHERE domain_id = ? AND name = ?", this::project, domainId, name));
  }

  /** Finds a user by domain and name. */
  public Optional<UserRow> findUser(String domainId, String name) {
    return first(
        query(USER_SELECT + " WHERE domain_id = ? AND name = ?", this::user, domainId, name));
  }

  /** Finds a user by id. */
  public Optional<UserRow> findUser(String id) {
    return first(query(USER_SELECT + " WHERE id = ?", this::user, id));
  }

  /** All users. */
  public List<UserRow> listUsers() {
    return query(USER_SELECT + " ORDER BY domain_id, name", this::user);
  }

  /** Finds an access key. */
  public Optional<AccessKeyRow> findAccessKey(String accessKey) {
    return first(query(AK_SELECT + " WHERE access_key = ?", this::accessKey, accessKey));
  }

  /** All access keys. */
  public List<AccessKeyRow> listAccessKeys() {
    return query(AK_SELECT + " ORDER BY access_key", this::accessKey);
  }

  private static final String PROJECT_SELECT = "SELECT id, domain_id, name FROM projects";
  private static final String USER_SELECT =
      "SELECT id, domain_id, name, password_hash, seed_check FROM users";
  private static final String AK_SELECT =
      "SELECT access_key, user_id, wrapped_secret FROM access_keys";

  private DomainRow domain(ResultSet rs) throws SQLException {
    return new DomainRow(rs.getString(1), rs.getString(2));
  }

  private ProjectRow project(ResultSet rs) throws SQLException {
    return new ProjectRow(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private UserRow user(ResultSet rs) throws SQLException {
    return new UserRow(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
  }

  private AccessKeyRow accessKey(ResultSet rs) throws SQLException {
    return new AccessKeyRow(
        rs.getString(1), rs.getString(2), Base64.getDecoder().decode(rs.getString(3)));
  }

  private long now() {
    return clock.millis();
  }

  private void update(String sql, Object... params) {
    db.inTransaction(c -> Jdbc.update(c, sql, params));
  }

  private <T> List<T> query(String sql, Jdbc.RowMapper<T> mapper, Object... params) {
    return db.inTransaction(c -> Jdbc.query(c, sql, mapper, params));
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }
}
