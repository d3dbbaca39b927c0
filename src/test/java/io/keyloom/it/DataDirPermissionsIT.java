package io.keyloom.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The data dir is 0700 and every secret-bearing file 0600 after a start, even when they existed
 * with looser modes (an operator's {@code mkdir}, a restored backup): the umask cannot be set
 * inside the JVM, so loose modes are made by hand before the start.
 */
class DataDirPermissionsIT {
  @Test
  void start_onALooseExistingDataDir_makesItOwnerOnlyIncludingWalAndShm() throws Exception {
    try (TestServer server = TestServer.start()) {
      Path dir = server.dataDir();
      Files.writeString(dir.resolve("credentials.json"), "{}");
      for (String name : List.of("root.key", "keyloom.db", "credentials.json")) {
        Files.setPosixFilePermissions(
            dir.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));

      server.restart();
      Http http = new Http(server.endpoint());
      String token =
          http.token(TestServer.DOMAIN, TestServer.USER, TestServer.PASSWORD, TestServer.PROJECT);
      assertThat(
              http.kms(token, TestServer.PROJECT_ID, "create-key", "{\"key_alias\":\"perm\"}")
                  .status())
          .isEqualTo(200);

      assertThat(mode(dir)).isEqualTo("rwx------");
      for (String name :
          List.of(
              "root.key", "keyloom.db", "keyloom.db-wal", "keyloom.db-shm", "credentials.json")) {
        assertThat(Files.exists(dir.resolve(name))).as(name + " exists").isTrue();
        assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
      }
      assertThat(http.send("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
