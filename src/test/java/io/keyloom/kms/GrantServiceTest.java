package io.keyloom.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.GrantRequests;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.GrantStore;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants over a real SQLite store, for what HTTP cannot reach: default keys (which only the
 * repository creates) and callers without a user id (docs/grants.md).
 */
class GrantServiceTest {
  static final Requester ALICE = new Requester("alice01", "d1", "token", "r1", "127.0.0.1");
  static final Project PROJECT =
      new Project(KeyServiceTest.PROJECT.id(), KeyServiceTest.PROJECT.name(), "d1", ALICE);

  @TempDir Path dir;
  SharedStore store;
  KeyService keys;
  GrantService grants;

  @BeforeEach
  void open() throws Exception {
    store = new SharedStore(dir, PROJECT);
    KeyRepository repository = new KeyRepository(store.db, store.clock);
    KeyCache cache = new KeyCache(repository, store.rootKey.wrapper(), Duration.ZERO, store.clock);
    MaterialFactory materials = new MaterialFactory(store.rootKey.wrapper(), new SecureRandom());
    keys = new KeyService(repository, cache, materials, store.clock, 100);
    grants = new GrantService(new GrantStore(store.db), cache, store.clock, new SecureRandom());
  }

  @AfterEach
  void close() {
    store.close();
  }

  static GrantRequests.CreateGrant grant(String keyId, String grantee, String retiring) {
    return new GrantRequests.CreateGrant(
        keyId, grantee, List.of("encrypt-data"), null, retiring, null, null);
  }

  @Test
  void aDefaultKey_refusesCreateGrant() {
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
            .creationDate(store.clock.millis())
            .build();
    new KeyRepository(store.db, store.clock).insert(defaultKey, Optional.empty(), 100);

    assertThatThrownBy(() -> grants.create(PROJECT, grant(keyId, "bob01", null)))
        .isInstanceOfSatisfying(
            KmsException.class, e -> assertThat(e.error()).isEqualTo(ErrorCode.DEFAULT_KEY));
    GrantRequests.ListGrants list = new GrantRequests.ListGrants(keyId, null, null, null);
    assertThat(grants.list(PROJECT, list).total()).isZero();
  }

  @Test
  void aCallerWithoutAUserId_mayRetireNothing() {
    KeyRequests.CreateKey create =
        new KeyRequests.CreateKey(
            "k" + System.nanoTime(), null, null, null, null, null, null, null);
    String keyId = keys.create(PROJECT, create).keyInfo().keyId();
    grants.create(PROJECT, grant(keyId, "bob01", null));
    grants.create(PROJECT, grant(keyId, "bob01", "carol01"));
    Requester nobody = new Requester(null, null, "aksk", "r2", "127.0.0.1");
    Project anonymous = new Project(PROJECT.id(), PROJECT.name(), "d1", nobody);

    GrantRequests.ListRetirableGrants all = new GrantRequests.ListRetirableGrants(null, null, null);
    assertThat(grants.listRetirable(anonymous, all).grants()).isEmpty();
    assertThat(grants.listRetirable(anonymous, all).total()).isZero();
    assertThat(grants.listRetirable(PROJECT, all).total()).isEqualTo(2);
  }
}
