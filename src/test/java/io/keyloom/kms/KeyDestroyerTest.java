package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.crypto.RootKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.it.TestClock;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.Database;
import io.keyloom.store.KeyDeletions;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
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

/** Deletion and destruction over a real SQLite store, with two nodes sharing it. */
class KeyDestroyerTest {
  static final Project PROJECT = KeyServiceTest.PROJECT;

  @TempDir Path dir;
  SharedStore store;
  Database db;
  RootKey rootKey;
  TestClock clock;

  /** One node: its own cache over the shared database. */
  record Node(KeyService keys, DeletionService deletions, KeyDestroyer destroyer, KeyCache cache) {}

  @BeforeEach
  void open() throws Exception {
    store = new SharedStore(dir, PROJECT);
    db = store.db;
    rootKey = store.rootKey;
    clock = store.clock;
  }

  @AfterEach
  void close() {
    store.close();
  }

  Node node(Duration ttl) {
    KeyRepository keys = new KeyRepository(db, clock);
    KeyDeletions deletions = new KeyDeletions(db, clock);
    KeyCache cache = new KeyCache(keys, rootKey.wrapper(), ttl, clock);
    return new Node(
        new KeyService(
            keys, cache, new MaterialFactory(rootKey.wrapper(), new SecureRandom()), clock, 100),
        new DeletionService(keys, deletions, cache, clock),
        new KeyDestroyer(deletions, cache),
        cache);
  }

  String createUsedKey(Node node) {
    String keyId =
        node.keys()
            .create(
                PROJECT,
                new KeyRequests.CreateKey(
                    "k" + System.nanoTime(), null, null, null, null, null, null, null))
            .keyInfo()
            .keyId();
    LoadedKey key = node.cache().get(PROJECT.id(), keyId);
    node.cache().symmetric(key, 1); // unwrap, as an encrypt would
    return keyId;
  }

  static void assertNotFound(Node node, String keyId) {
    assertThatThrownBy(() -> node.cache().get(PROJECT.id(), keyId))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.KEY_NOT_FOUND));
  }

  @Test
  void aKeyDestroyedByOneNode_leavesBothNodesCaches() {
    Node a = node(Duration.ofHours(1));
    Node b = node(Duration.ZERO);
    String keyId = createUsedKey(a);
    LoadedKey seenByA = a.cache().get(PROJECT.id(), keyId);
    LoadedKey seenByB = b.cache().get(PROJECT.id(), keyId);
    b.cache().symmetric(seenByB, 1);
    a.deletions().schedule(PROJECT, new KeyRequests.ScheduleKeyDeletion(keyId, "7", null));
    clock.advance(Duration.ofDays(7));
    assertThat(a.destroyer().sweep()).isEqualTo(1);

    // The sweeping node forgot the unwrapped key at once: asking for it goes to the store, which
    // no longer has the material. Without the eviction the cached primitive would come back.
    assertThatThrownBy(() -> a.cache().symmetric(seenByA, 1)).isInstanceOf(KmsException.class);
    assertNotFound(a, keyId);
    // The other node drops it at its next lookup of the key.
    assertNotFound(b, keyId);
    assertThatThrownBy(() -> b.cache().symmetric(seenByB, 1)).isInstanceOf(KmsException.class);
  }

  @Test
  void racingCancelsAndSweepsAtTheDeadline_eitherKeepOrDestroyTheKey_neverBoth() throws Exception {
    Node a = node(Duration.ZERO);
    Node b = node(Duration.ZERO);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String keyId = createUsedKey(a);
      a.deletions().schedule(PROJECT, new KeyRequests.ScheduleKeyDeletion(keyId, "7", null));
      keys.add(keyId);
    }
    clock.advance(Duration.ofDays(7).minusMillis(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Boolean>> work = new ArrayList<>();
    for (String keyId : keys) {
      work.add(() -> tryCancel(b, keyId));
    }
    work.add(() -> a.destroyer().sweep() >= 0);
    work.add(() -> b.destroyer().sweep() >= 0);
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (Callable<Boolean> w : work) {
        done.add(pool.submit(w));
      }
      clock.advance(Duration.ofMillis(1)); // the deadline passes while cancels and sweeps run
      for (Future<Boolean> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    a.destroyer().sweep();
    KeyRepository store = new KeyRepository(db, clock);
    for (String keyId : keys) {
      boolean exists = store.find(keyId).isPresent();
      boolean material = store.hasMaterial(keyId);
      assertThat(material).as("material and metadata go together").isEqualTo(exists);
      if (exists) {
        assertThat(store.find(keyId).orElseThrow().state()).isEqualTo("3");
        assertThat(store.find(keyId).orElseThrow().scheduledDeletionDate()).isNull();
      }
    }
  }

  static boolean tryCancel(Node node, String keyId) {
    try {
      node.deletions().cancel(PROJECT, new KeyRequests.KeyId(keyId, null));
      return true;
    } catch (KmsException e) {
      assertThat(e.error()).isEqualTo(ErrorCode.KEY_NOT_FOUND);
      return false;
    }
  }

  @Test
  void aDefaultKey_cannotBeScheduledForDeletion_kms0211() {
    KeyRepository store = new KeyRepository(db, clock);
    KeyRow row =
        KeyRow.builder()
            .keyId("00000000-0000-0000-0000-0000000000d1")
            .projectId(PROJECT.id())
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
    store.insert(row, Optional.empty(), 100);
    Node a = node(Duration.ZERO);
    assertThatThrownBy(
            () ->
                a.deletions()
                    .schedule(PROJECT, new KeyRequests.ScheduleKeyDeletion(row.keyId(), "7", null)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.DEFAULT_KEY));
    assertThatThrownBy(
            () ->
                a.keys()
                    .updateAlias(
                        PROJECT, new KeyRequests.UpdateKeyAlias(row.keyId(), "renamed", null)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.DEFAULT_KEY));
    assertThatThrownBy(
            () ->
                a.keys()
                    .updateDescription(
                        PROJECT, new KeyRequests.UpdateKeyDescription(row.keyId(), "d", null)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.DEFAULT_KEY));
  }
}
