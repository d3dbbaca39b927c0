package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quota check and the insert are one atomic step, however many writers race. */
class KeyQuotaRaceTest {
  static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

  @TempDir Path dir;
  Database db;
  KeyRepository keys;

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("k.db"));
    IdentityRepository ids = new IdentityRepository(db, Clock.systemUTC());
    ids.insertDomain(new DomainRow("d1", "acme"));
    ids.insertProject(new ProjectRow(PROJECT, "d1", "cn-north-4"));
    keys = new KeyRepository(db, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  static KeyRow row(int i) {
    return KeyRow.builder()
        .keyId(UUID.randomUUID().toString())
        .projectId(PROJECT)
        .domainId("d1")
        .alias("race-" + i)
        .spec("AES_256")
        .usage("ENCRYPT_DECRYPT")
        .description("")
        .origin("kms")
        .state("2")
        .enterpriseProjectId("0")
        .defaultKey(false)
        .creationDate(0L)
        .scheduledDeletionDate(null)
        .currentVersion(1)
        .build();
  }

  @Test
  void racingInserts_storeExactlyTheQuota_andRefuseTheRestCleanly() throws Exception {
    int quota = 7;
    int writers = 16;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Boolean>> inserts = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      KeyRow row = row(i);
      inserts.add(
          () -> {
            start.await();
            return keys.insert(row, Optional.of(new byte[] {1, 2, 3}), quota);
          });
    }
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (Callable<Boolean> insert : inserts) {
        results.add(pool.submit(insert));
      }
      start.countDown();
      int stored = 0;
      for (Future<Boolean> f : results) {
        stored += f.get() ? 1 : 0; // a StoreException here (e.g. a stale snapshot) fails the test
      }
      assertThat(stored).isEqualTo(quota);
    } finally {
      pool.shutdown();
    }
    assertThat(keys.countKeys(PROJECT)).isEqualTo(quota);
  }

  @Test
  void keysPastTheirDeletionDate_andDefaultKeys_doNotCount() {
    KeyRow defaultKey =
        KeyRow.builder()
            .keyId(UUID.randomUUID().toString())
            .projectId(PROJECT)
            .domainId("d1")
            .alias("obs/default")
            .spec("AES_256")
            .usage("ENCRYPT_DECRYPT")
            .description("")
            .origin("kms")
            .state("2")
            .enterpriseProjectId("0")
            .defaultKey(true)
            .creationDate(0L)
            .scheduledDeletionDate(null)
            .currentVersion(1)
            .build();
    assertThat(keys.insert(defaultKey, Optional.empty(), 1)).isTrue();
    KeyRow gone = row(1);
    assertThat(keys.insert(gone, Optional.empty(), 1)).isTrue();
    assertThat(keys.countKeys(PROJECT)).isEqualTo(1);
    assertThat(keys.insert(row(2), Optional.empty(), 1)).isFalse();
    new KeyDeletions(db, Clock.systemUTC()).schedule(gone.keyId(), "4", 1L);
    assertThat(keys.countKeys(PROJECT)).isZero();
    assertThat(keys.insert(row(3), Optional.empty(), 1)).isTrue();
  }
}
