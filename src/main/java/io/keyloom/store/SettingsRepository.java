package io.keyloom.store;

import java.util.List;
import java.util.Optional;

/** Small named values the server keeps, such as the root key canary. */
public final class SettingsRepository {
  private final Database db;

  /** A repository over the given database. */
  public SettingsRepository(Database db) {
    this.db = db;
  }

  /** The value of a setting. */
  public Optional<String> get(String name) {
    List<String> rows =
        db.inTransaction(
            c ->
                Jdbc.query(
                    c, "SELECT value FROM settings WHERE name = ?", rs -> rs.getString(1), name));
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /**
   * Stores a setting if it is not set yet.
   *
   * @throws StoreException.Duplicate when it is already set
   */
  public void insert(String name, String value) {
    db.inTransaction(
        c -> Jdbc.update(c, "INSERT INTO settings (name, value) VALUES (?, ?)", name, value));
  }
}
