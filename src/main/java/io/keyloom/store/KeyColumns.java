package io.keyloom.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The {@code cmks} columns a key row fills, names and values in one order, so that an INSERT's
 * column list and its parameters cannot drift apart.
 */
final class KeyColumns {
  private static final List<String> NAMES =
      List.of(
          "key_id",
          "project_id",
          "domain_id",
          "key_alias",
          "key_spec",
          "key_usage",
          "key_description",
          "origin",
          "key_state",
          "enterprise_project_id",
          "default_key",
          "creation_date",
          "scheduled_deletion_date",
          "current_version",
          "rotation_enabled",
          "rotation_interval",
          "last_rotation",
          "rotations",
          "next_rotation",
          "material_expiration",
          "material_check");

  /** {@code INSERT INTO cmks (...) VALUES (?, ...)} over every column of {@link #values}. */
  static final String INSERT =
      "INSERT INTO cmks ("
          + String.join(", ", NAMES)
          + ") VALUES ("
          + String.join(", ", Collections.nCopies(NAMES.size(), "?"))
          + ")";

  private KeyColumns() {}

  /** The row's values in the order of the column names. */
  static Object[] values(KeyRow k) {
    return new Object[] {
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
      k.currentVersion(),
      k.rotationEnabled() ? 1 : 0,
      k.rotationInterval(),
      k.lastRotation(),
      k.rotations(),
      k.nextRotation(),
      k.materialExpiration(),
      k.materialCheck()
    };
  }

  /**
   * Inserts one version of a key's material, already wrapped, stored as Base64 like every binary
   * value (V1).
   */
  static void insertVersion(Connection c, String keyId, int version, byte[] wrapped, long createdAt)
      throws SQLException {
    Jdbc.update(
        c,
        "INSERT INTO cmk_versions (key_id, version, wrapped_material, created_at)"
            + " VALUES (?, ?, ?, ?)",
        keyId,
        version,
        Base64.getEncoder().encodeToString(wrapped),
        createdAt);
  }
}
