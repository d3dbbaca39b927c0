package io.keyloom;

import io.keyloom.crypto.RootKey;
import io.keyloom.store.Database;
import io.keyloom.store.SettingsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A data directory opened for use: its root key ({@code root.key}) and its migrated database
 * ({@code keyloom.db}), checked to belong together by the canary stored in the database.
 */
record DataDir(RootKey rootKey, Database database) implements AutoCloseable {
  private static final String CANARY = "root_key_canary";

  /** Opens a data directory; a new one (mode 0700, new root key) is made only if {@code create}. */
  static DataDir open(Path dir, boolean create) throws IOException, GeneralSecurityException {
    Path rootKeyFile = dir.resolve("root.key");
    if (!create && !Files.isRegularFile(rootKeyFile)) {
      throw new IOException(
          "no Keyloom data directory at " + dir + " (no root.key): start the server there first");
    }
    if (!Files.isDirectory(dir)) {
      // Owner-only: the directory holds the root key and the database of wrapped secrets.
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    RootKey rootKey = RootKey.loadOrCreate(rootKeyFile);
    Database db = Database.openSqlite(dir.resolve("keyloom.db"));
    try {
      checkCanary(new SettingsRepository(db), rootKey);
      return new DataDir(rootKey, db);
    } catch (GeneralSecurityException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static void checkCanary(SettingsRepository settings, RootKey rootKey)
      throws GeneralSecurityException {
    var stored = settings.get(CANARY);
    if (stored.isEmpty()) {
      settings.insert(CANARY, Base64.getEncoder().encodeToString(rootKey.newCanary()));
    } else if (!rootKey.checkCanary(Base64.getDecoder().decode(stored.get()))) {
      throw new IllegalStateException(
          "the root key does not match this database: refusing to start");
    }
  }

  @Override
  public void close() {
    database.close();
  }
}
