package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.crypto.CiphertextBlob;
import io.keyloom.crypto.RootKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.it.TestClock;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.Database;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation over a real SQLite store, with two nodes sharing it (docs/key-rotation.md). */
class KeyRotatorTest {
  static final Project PROJECT = KeyServiceTest.PROJECT;

  @TempDir Path dir;
  SharedStore store;
  Database db;
  RootKey rootKey;
  TestClock clock;

  /** One node: its own cache over the shared database. */
  record Node(KeyService keys, RotationService rotation, KeyRotator rotator, KeyCache cache) {}

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

  Node node() {
    KeyRepository keys = new KeyRepository(db, clock);
    KeyCache cache = new KeyCache(keys, rootKey.wrapper(), Duration.ZERO, clock);
    MaterialFactory materials = new MaterialFactory(rootKey.wrapper(), new SecureRandom());
    KeyRotator rotator = KeyRotator.over(db, cache, materials, clock);
    return new Node(
        new KeyService(keys, cache, materials, clock, 100),
        new RotationService(new KeyRotations(db), cache, rotator),
        rotator,
        cache);
  }

  String createKey(Node node) {
    KeyRequests.CreateKey request =
        new KeyRequests.CreateKey(
            "k" + System.nanoTime(), null, null, null, null, null, null, null);
    return node.keys().create(PROJECT, request).keyInfo().keyId();
  }

  KeyRow row(String keyId) {
    return new KeyRepository(db, clock).find(keyId).orElseThrow();
  }

  static KeyRequests.KeyId id(String keyId) {
    return new KeyRequests.KeyId(keyId, null);
  }

  @Test
  void twoNodesSweepingTheSameDueKey_rotateItOnce() throws Exception {
    Node a = node();
    Node b = node();
    String keyId = createKey(a);
    a.rotation().enable(PROJECT, id(keyId));
    clock.advance(Duration.ofDays(366));
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (Node n : List.of(a, b)) {
        Callable<Integer> sweep =
            () -> {
              start.await();
              return n.rotator().sweep();
            };
        results.add(pool.submit(sweep));
      }
      int rotated = results.get(0).get() + results.get(1).get();
      assertThat(rotated).as("one rotation for one due time").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(row(keyId).currentVersion()).isEqualTo(2);
    assertThat(row(keyId).rotations()).isEqualTo(1);
  }

  @Test
  void rotateFromAStaleVersion_writesNothing() {
    Node a = node();
    String keyId = createKey(a);
    KeyRotations rotations = new KeyRotations(db);
    byte[] fake = "not material".getBytes(StandardCharsets.UTF_8);
    long at = clock.millis();
    assertThat(rotations.rotate(keyId, 1, fake, at, at + 1)).isTrue();
    assertThat(rotations.rotate(keyId, 1, fake, at, at + 1))
        .as("compare-and-set on the current version")
        .isFalse();
    assertThat(row(keyId).currentVersion()).isEqualTo(2);
    assertThat(row(keyId).rotations()).isEqualTo(1);
    assertThat(new KeyRepository(db, clock).findMaterial(keyId, 3)).isEmpty();
  }

  @Test
  void aRotatedKey_encryptsWithTheNewVersion_andDecryptsTheOld() throws Exception {
    Node a = node();
    String keyId = createKey(a);
    LoadedKey before = a.cache().get(PROJECT.id(), keyId);
    byte[] old = a.cache().sealWithCurrentVersion(before, new byte[] {1, 2, 3}, new byte[0]);
    a.rotation().enable(PROJECT, id(keyId));
    clock.advance(Duration.ofDays(365));
    assertThat(a.rotator().sweep()).isEqualTo(1);
    LoadedKey after = a.cache().get(PROJECT.id(), keyId);
    assertThat(after.row().currentVersion()).isEqualTo(2);
    CiphertextBlob blob = CiphertextBlob.parse(old);
    assertThat(blob.keyVersion()).isEqualTo(1);
    assertThat(a.cache().symmetric(after, blob.keyVersion()).decrypt(blob, new byte[0]))
        .containsExactly(1, 2, 3);
    assertThat(a.rotator().sweep()).as("next due one interval later").isZero();
    assertThat(row(keyId).nextRotation())
        .isEqualTo(clock.millis() + Duration.ofDays(365).toMillis());
  }

  @Test
  void aDefaultKey_cannotChangeItsRotation() {
    Node a = node();
    String keyId = UUID.randomUUID().toString();
    KeyRow defaultKey =
        KeyRow.builder()
            .keyId(keyId)
            .projectId(PROJECT.id())
            .domainId("d1")
            .alias("kms/default")
            .spec("AES_256")
            .usage("ENCRYPT_DECRYPT")
            .state("2")
            .defaultKey(true)
            .creationDate(clock.millis())
            .build();
    new KeyRepository(db, clock).insert(defaultKey, Optional.empty(), 100);
    assertThatThrownBy(() -> a.rotation().enable(PROJECT, id(keyId)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.DEFAULT_KEY));
    assertThat(a.rotation().status(PROJECT, id(keyId)).keyRotationEnabled()).isFalse();
  }
}
