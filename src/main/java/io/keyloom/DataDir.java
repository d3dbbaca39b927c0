package io.keyloom;

import io.keyloom.config.PostgresSettings;
import io.keyloom.config.RootKeyConfig;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.RootCanary;
import io.keyloom.store.Database;
import io.keyloom.store.SettingsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A data directory opened for use: its root key ({@code root.key} by default, else a shared file or
 * an HSM key: {@link RootOfTrust}) and its migrated database ({@code keyloom.db}, or a PostgreSQL
 * database given by {@code --db-url}), checked to belong together by the canary stored in the
 * database.
 */
record DataDir(RootOfTrust root, Database database, ServiceKeyManager serviceKeys)
    implements AutoCloseable {
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

  /** Opens a data directory with its root key in the data dir, as before root-key settings. */
  static DataDir open(Path dir, boolean create) throws IOException, GeneralSecurityException {
    return open(dir, create, RootKeyConfig.inDataDir(), Optional.empty(), Clock.systemUTC());
  }

  /**
   * Opens a data directory; a new one (mode 0700, and a new root key unless it is in an HSM or a
   * shared file) is made only if {@code create}. The store is SQLite in the directory, or the
   * PostgreSQL database {@code postgres} names. After the canary check, the service keys that are
   * missing or due are made ({@link ServiceKeyManager#prepare}, by {@code clock}).
   */
  static DataDir open(
      Path dir,
      boolean create,
      RootKeyConfig rootKey,
      Optional<PostgresSettings> postgres,
      Clock clock)
      throws IOException, GeneralSecurityException {
    boolean keyInDir = rootKey.file().isEmpty() && rootKey.pkcs11().isEmpty();
    String marker = keyInDir ? "root.key" : DATABASE;
    boolean checkMarker = keyInDir || postgres.isEmpty();
    if (!create && checkMarker && !Files.isRegularFile(dir.resolve(marker))) {
      throw new IOException(
          "no Keyloom data directory at "
              + dir
              + " (no "
              + marker
              + "): start the server there first");
    }
    restrict(dir, postgres.isEmpty());
    RootOfTrust root = RootOfTrust.open(rootKey, dir, System.getenv());
    Database db =
        postgres.isPresent()
            ? Database.openPostgres(postgres.get())
            : Database.openSqlite(dir.resolve(DATABASE));
    try {
      boolean legacy = checkCanary(new SettingsRepository(db), root.wrapper());
      ServiceKeyManager keys = new ServiceKeyManager(db, root.wrapper(), clock, new SecureRandom());
      keys.prepare(legacy, root.fileKey());
      return new DataDir(root, db, keys);
    } catch (GeneralSecurityException | RuntimeException e) {
      db.close();
      root.close();
      throw e;
    }
  }

  /** The node's root-key wrapper. */
  KeyWrapper wrapper() {
    return root.wrapper();
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

  /**
   * Checks the root key against the canary, or stores one in a new database; returns whether the
   * canary predates root key ids (a data dir made before the V8 migration).
   */
  private static boolean checkCanary(SettingsRepository settings, KeyWrapper wrapper)
      throws GeneralSecurityException {
    var stored = settings.get(CANARY);
    if (stored.isEmpty()) {
      settings.insert(CANARY, Base64.getEncoder().encodeToString(RootCanary.seal(wrapper)));
      return false;
    }
    byte[] canary = Base64.getDecoder().decode(stored.get());
    if (!RootCanary.opens(wrapper, canary)) {
      throw new IllegalStateException(
          "the root key "
              + wrapper.activeId()
              + " does not match this database (sealed under "
              + KeyWrapper.rootKeyId(canary).orElse("the data dir's root.key")
              + "): refusing to start");
    }
    return KeyWrapper.rootKeyId(canary).isEmpty();
  }

  @Override
  public void close() {
    database.close();
    root.close();
  }
}
