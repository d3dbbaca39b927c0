package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.crypto.RootKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.Database;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import io.keyloom.store.StoreException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real services over a real SQLite store: state machine, tenancy and multi-node caching. */
class KeyServiceTest {
  static final Project PROJECT =
      new Project("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "cn-north-4", "d1");
  static final Project OTHER = new Project("1b2c3d4e5f60718293a4b5c6d7e8f90a", "cn-south-1", "d1");

  @TempDir Path dir;
  Database db;
  RootKey rootKey;
  KeyRepository keys;

  @BeforeEach
  void open() throws Exception {
    db = Database.openSqlite(dir.resolve("k.db"));
    rootKey = RootKey.loadOrCreate(dir.resolve("root.key"));
    IdentityRepository ids = new IdentityRepository(db, Clock.systemUTC());
    ids.insertDomain(new DomainRow("d1", "acme"));
    ids.insertProject(new ProjectRow(PROJECT.id(), "d1", PROJECT.name()));
    ids.insertProject(new ProjectRow(OTHER.id(), "d1", OTHER.name()));
    keys = new KeyRepository(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  KeyService node(Duration ttl) {
    KeyCache cache = new KeyCache(keys, rootKey.wrapper(), ttl, Clock.systemUTC());
    return new KeyService(
        keys,
        cache,
        new MaterialFactory(rootKey.wrapper(), new SecureRandom()),
        Clock.systemUTC(),
        100);
  }

  static KeyRequests.KeyId id(String keyId) {
    return new KeyRequests.KeyId(keyId, null);
  }

  String create(KeyService service) {
    return service
        .create(
            PROJECT,
            new KeyRequests.CreateKey(
                "k" + System.nanoTime(), null, null, null, null, null, null, null))
        .keyInfo()
        .keyId();
  }

  @Test
  void concurrentDisables_exactlyOneWins() throws Exception {
    KeyService a = node(Duration.ofSeconds(2));
    KeyService b = node(Duration.ofSeconds(2));
    String keyId = create(a);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> calls =
          List.of(
              () -> tryDisable(a, keyId),
              () -> tryDisable(b, keyId),
              () -> tryDisable(a, keyId),
              () -> tryDisable(b, keyId));
      int wins = 0;
      for (Future<Boolean> f : pool.invokeAll(calls)) {
        wins += f.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
    assertThat(keys.find(keyId).orElseThrow().state()).isEqualTo("3");
  }

  static boolean tryDisable(KeyService service, String keyId) {
    try {
      service.disable(PROJECT, id(keyId));
      return true;
    } catch (KmsException e) {
      assertThat(e.error()).isEqualTo(ErrorCode.KEY_NOT_ENABLED);
      return false;
    }
  }

  @Test
  void stateChangeOnOneNode_isSeenByAnotherOnceItsCacheEntryExpires() {
    KeyService a = node(Duration.ofHours(1));
    KeyService fresh = node(Duration.ZERO);
    KeyService stale = node(Duration.ofHours(1));
    String keyId = create(a);
    assertThat(stale.describe(PROJECT, id(keyId)).keyInfo().keyState()).isEqualTo("2");
    a.disable(PROJECT, id(keyId));
    assertThat(a.describe(PROJECT, id(keyId)).keyInfo().keyState()).isEqualTo("3");
    assertThat(fresh.describe(PROJECT, id(keyId)).keyInfo().keyState()).isEqualTo("3");
    assertThat(stale.describe(PROJECT, id(keyId)).keyInfo().keyState())
        .as("within the TTL another node may still see the old state")
        .isEqualTo("2");
  }

  @Test
  void keyOfAnotherProject_isNotFound() {
    KeyService a = node(Duration.ofSeconds(2));
    String keyId = create(a);
    assertThatThrownBy(() -> a.describe(OTHER, id(keyId)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.KEY_NOT_FOUND));
  }

  @Test
  void duplicateAlias_isKms1104AndTheStoreEnforcesItToo() {
    KeyService a = node(Duration.ofSeconds(2));
    KeyRequests.CreateKey request =
        new KeyRequests.CreateKey("same", null, null, null, null, null, null, null);
    String first = a.create(PROJECT, request).keyInfo().keyId();
    KeyRow copy = keys.find(first).orElseThrow();
    KeyRow racer =
        KeyRow.builder()
            .keyId("00000000-0000-0000-0000-000000000001")
            .projectId(copy.projectId())
            .domainId(copy.domainId())
            .alias(copy.alias())
            .spec(copy.spec())
            .usage(copy.usage())
            .description("")
            .origin("kms")
            .state("2")
            .enterpriseProjectId("0")
            .defaultKey(false)
            .creationDate(0L)
            .scheduledDeletionDate(null)
            .currentVersion(1)
            .build();
    assertThatThrownBy(() -> keys.insert(racer, Optional.empty(), 100))
        .isInstanceOf(StoreException.Duplicate.class);
    assertThatThrownBy(() -> a.create(PROJECT, request))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.ALIAS_EXISTS));
    assertThat(a.create(OTHER, request).keyInfo().keyId()).isNotBlank();
  }
}
