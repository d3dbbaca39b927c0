package io.keyloom;

import io.keyloom.config.PostgresSettings;
import io.keyloom.crypto.RootKey;
import io.keyloom.store.Database;
import io.keyloom.store.SettingsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data directory opened for use: its root key ({@code root.key}) and its migrated database
 * ({@code keyloom.db}, or a PostgreSQL database given by {@code --db-url}), checked to belong
 * together by the canary stored in the database.
 */
record DataDir(RootKey rootKey, Database database) implements AutoCloseable {
  private static final String CANARY = "root_key_canary";
  private static final String DATABASE = "keyloom.db";
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

  /** Files that hold or reveal secrets: key material, wrapped secrets, first-start credentials. */
  private static final List<String> OWNER_ONLY_FILES =
      List.of(
          "root.key",
          DATABASE,
          DATABASE + "-wal",
          DATABASE + "-shm",
          DATABASE + "-journal",
          "credentials.json");

  /** Opens a data directory; a new one (mode 0700, new root key) is made only if {@code create}. */
  static DataDir open(Path dir, boolean create) throws IOException, GeneralSecurityException {
    return open(dir, create, Optional.empty());
  }

  /**
   * Opens a data directory whose store is SQLite in it, or the PostgreSQL database {@code postgres}
   * names; a new directory (mode 0700, new root key) is made only if {@code create}.
   */
  static DataDir open(Path dir, boolean create, Optional<PostgresSettings> postgres)
      throws IOException, GeneralSecurityException {
    Path rootKeyFile = dir.resolve("root.key");
    if (!create && !Files.isRegularFile(rootKeyFile)) {
      throw new IOException(
          "no Keyloom data directory at " + dir + " (no root.key): start the server there first");
    }
    restrict(dir, postgres.isEmpty());
    RootKey rootKey = RootKey.loadOrCreate(rootKeyFile);
    Files.setPosixFilePermissions(rootKeyFile, FILE_MODE); // created through the umask
    Database db =
        postgres.isPresent()
            ? Database.openPostgres(postgres.get())
            : Database.openSqlite(dir.resolve(DATABASE));
    try {
      checkCanary(new SettingsRepository(db), rootKey);
      return new DataDir(rootKey, db);
    } catch (GeneralSecurityException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Checks, writing nothing, that {@code dir} can be opened or created: the nearest existing path
   * is a writable directory, and the files already in it can be read and written.
   *
   * @throws IllegalArgumentException naming the directory and the cause
   */
  static void checkUsable(Path dir) {
    Path target = dir.toAbsolutePath();
    Path existing = target;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String what = existing == target ? "used" : "created";
    if (existing == null) {
      return;
    } else if (!Files.isDirectory(existing)) {
      throw unusable(dir, what, (existing == target ? "" : existing + " ") + "is not a directory");
    } else if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
      throw unusable(
          dir, what, "permission denied" + (existing == target ? "" : " on " + existing));
    }
    for (String name : List.of("root.key", DATABASE)) {
      Path file = target.resolve(name);
      if (Files.exists(file) && !(Files.isReadable(file) && Files.isWritable(file))) {
        throw unusable(dir, what, "permission denied on " + name);
      }
    }
  }

  private static IllegalArgumentException unusable(Path dir, String what, String cause) {
    return new IllegalArgumentException("data dir " + dir + " cannot be " + what + ": " + cause);
  }

  /**
   * Makes the directory 0700 and every secret-bearing file in it 0600, whatever the umask and
   * whether or not they existed before (an operator's {@code mkdir} or a copied backup may be
   * world-readable). SQLite creates {@code -wal} and {@code -shm} later with the database file's
   * mode, so an owner-only database file, created here before SQLite opens it, keeps them private.
   */
  static void restrict(Path dir, boolean sqlite) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
    }
    Files.setPosixFilePermissions(dir, DIR_MODE);
    Path database = dir.resolve(DATABASE);
    if (sqlite && !Files.exists(database, LinkOption.NOFOLLOW_LINKS)) {
      Files.createFile(database, PosixFilePermissions.asFileAttribute(FILE_MODE));
    }
    for (String name : OWNER_ONLY_FILES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        Files.setPosixFilePermissions(file, FILE_MODE);
      }
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
