package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.DataRequests;
import io.keyloom.kms.api.GrantRequests;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.GrantStore;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.KeyRepository;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants across two nodes sharing one store (docs/grants.md): a revoke ends use at once on the node
 * that served it, and on another node at its next metadata refresh, which the bound (2 s) caps.
 */
class GrantNodesTest {
  static final Requester ALICE = new Requester("a11ce", "d1", "token", null, null);
  static final Project OWNER =
      new Project(KeyServiceTest.PROJECT.id(), KeyServiceTest.PROJECT.name(), "d1", ALICE);
  static final Project BOB =
      new Project(
          "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
          "cn-north-4",
          "d2",
          new Requester("b0b", "d2", "aksk", null, null));

  @TempDir Path dir;
  SharedStore store;

  /** One node: its own caches over the shared database. */
  record Node(KeyService keys, GrantService grants, DataService data) {}

  @BeforeEach
  void open() throws Exception {
    store = new SharedStore(dir, OWNER);
    IdentityRepository ids = new IdentityRepository(store.db, store.clock);
    ids.insertDomain(new DomainRow("d2", "globex"));
    ids.insertProject(new ProjectRow(BOB.id(), "d2", BOB.name()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  Node node(Duration ttl) {
    KeyRepository keys = new KeyRepository(store.db, store.clock);
    KeyCache cache = new KeyCache(keys, store.rootKey.wrapper(), ttl, store.clock);
    SecureRandom random = new SecureRandom();
    return new Node(
        new KeyService(
            keys, cache, new MaterialFactory(store.rootKey.wrapper(), random), store.clock, 100),
        new GrantService(new GrantStore(store.db), cache, store.clock, random),
        new DataService(cache));
  }

  static String createKey(Node node) {
    return node.keys()
        .create(
            OWNER,
            new KeyRequests.CreateKey(
                "k" + System.nanoTime(), null, null, null, null, null, null, null))
        .keyInfo()
        .keyId();
  }

  static String grant(Node node, String keyId, String grantee, String... operations) {
    return node.grants()
        .create(
            OWNER,
            new GrantRequests.CreateGrant(
                keyId, grantee, List.of(operations), null, null, null, null))
        .grantId();
  }

  static String encrypt(Node node, Project project, String keyId) {
    return node.data()
        .encrypt(project, new DataRequests.EncryptData(keyId, "hello", null, null, null, null))
        .cipherText();
  }

  static void assertRefused(Runnable call, ErrorCode code) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.error()).isEqualTo(code));
  }

  @Test
  void aRevokeEndsUseAtOnce_onTheNodeThatServedIt_evenWithALongBound() {
    Node a = node(Duration.ofHours(1));
    String keyId = createKey(a);
    String grantId = grant(a, keyId, "b0b", "encrypt-data");
    assertThat(encrypt(a, BOB, keyId)).isNotEmpty();
    a.grants().revoke(OWNER, new GrantRequests.GrantId(keyId, grantId, null));
    assertRefused(() -> encrypt(a, BOB, keyId), ErrorCode.KEY_NOT_FOUND);
  }

  @Test
  void aRevokeOnOneNode_endsUseOnAnother_atItsNextRefresh() {
    Node a = node(Duration.ofHours(1));
    Node b = node(Duration.ZERO);
    String keyId = createKey(a);
    String grantId = grant(a, keyId, "b0b", "encrypt-data");
    assertThat(encrypt(b, BOB, keyId)).isNotEmpty();
    a.grants().revoke(OWNER, new GrantRequests.GrantId(keyId, grantId, null));
    assertRefused(() -> encrypt(b, BOB, keyId), ErrorCode.KEY_NOT_FOUND);
  }

  @Test
  void aGrantCreatedOnOneNode_isSeenByAnother_atItsNextRefresh() {
    Node a = node(Duration.ofHours(1));
    Node b = node(Duration.ZERO);
    String keyId = createKey(a);
    assertRefused(() -> encrypt(b, BOB, keyId), ErrorCode.KEY_NOT_FOUND);
    grant(a, keyId, "b0b", "encrypt-data");
    assertThat(encrypt(b, BOB, keyId)).isNotEmpty();
  }

  @Test
  void aGrantForOtherOperations_isForbidden_notNotFound() {
    Node a = node(Duration.ofHours(1));
    String keyId = createKey(a);
    grant(a, keyId, "b0b", "decrypt-data");
    assertRefused(() -> encrypt(a, BOB, keyId), ErrorCode.KEY_ACCESS_DENIED);
  }

  @Test
  void aDomainGrant_coversEveryUserOfThatAccount_andNoOther() {
    Node a = node(Duration.ofHours(1));
    String keyId = createKey(a);
    a.grants()
        .create(
            OWNER,
            new GrantRequests.CreateGrant(
                keyId, "d2", List.of("encrypt-data"), null, null, "domain", null));
    Project carolOfD2 =
        new Project(BOB.id(), BOB.name(), "d2", new Requester("ca401", "d2", "token", null, null));
    assertThat(encrypt(a, carolOfD2, keyId)).isNotEmpty();
    Project userNamedD2 =
        new Project(BOB.id(), BOB.name(), "d3", new Requester("d2", "d3", "token", null, null));
    assertRefused(() -> encrypt(a, userNamedD2, keyId), ErrorCode.KEY_NOT_FOUND);
  }
}
