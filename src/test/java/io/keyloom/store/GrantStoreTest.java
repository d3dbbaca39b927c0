package io.keyloom.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grants of a key: the per-key limit under racing writers, and who may retire. */
class GrantStoreTest {
  @TempDir Path dir;
  Database db;
  GrantStore grants;
  KeyRow key = KeyQuotaRaceTest.row(1);

  @BeforeEach
  void open() {
    db = Database.openSqlite(dir.resolve("k.db"));
    IdentityRepository ids = new IdentityRepository(db, Clock.systemUTC());
    ids.insertDomain(new DomainRow("d1", "acme"));
    ids.insertProject(new ProjectRow(KeyQuotaRaceTest.PROJECT, "d1", "cn-north-4"));
    new KeyRepository(db, Clock.systemUTC()).insert(key, Optional.of(new byte[] {1}), 10);
    grants = new GrantStore(db);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static GrantRow grant(String keyId, int i, String issuer, String retiring) {
    return new GrantRow(
        "%064x".formatted(i),
        keyId,
        "",
        "u" + i,
        "user",
        List.of("encrypt-data"),
        issuer,
        retiring,
        i);
  }

  @Test
  void racingCreates_storeExactlyTheLimit_andRefuseTheRestCleanly() throws Exception {
    int limit = 5;
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < 48; i++) {
        GrantRow row = grant(key.keyId(), i, "alice", "");
        Callable<Boolean> create =
            () -> {
              start.await();
              return grants.create(row, limit);
            };
        results.add(pool.submit(create));
      }
      start.countDown();
      int stored = 0;
      for (Future<Boolean> f : results) {
        stored += f.get() ? 1 : 0; // a StoreException here (e.g. a stale snapshot) fails the test
      }
      assertThat(stored).isEqualTo(limit);
    } finally {
      pool.shutdown();
    }
    assertThat(grants.countOfKey(key.keyId())).isEqualTo(limit);
  }

  @Test
  void grantsWithoutRetiringPrincipalOrIssuer_areRetirableByNobodyOnThatCount() {
    assertThat(grants.create(grant(key.keyId(), 1, "", ""), 100)).isTrue();
    assertThat(grants.create(grant(key.keyId(), 2, "alice", "carol"), 100)).isTrue();
    assertThat(grants.retirable("", "", 10, 0)).isEmpty();
    assertThat(grants.countRetirable("", "")).isZero();
    assertThat(grants.retirable("carol", "d9", 10, 0))
        .extracting(GrantRow::grantId)
        .containsExactly("%064x".formatted(2));
    assertThat(grants.retirable("alice", "d1", 10, 0)).hasSize(1);
  }
}
