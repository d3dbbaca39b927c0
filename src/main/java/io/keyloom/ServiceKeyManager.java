package io.keyloom;

import io.keyloom.auth.SeedPasswords;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.MaterialCheck;
import io.keyloom.crypto.RootKey;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import io.keyloom.store.Database;
import io.keyloom.store.ServiceKeyStore;
import io.keyloom.store.StoreException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes, rotates and retires Keyloom's own keys in the {@code service_keys} table
 * (docs/root-of-trust.md). Token-signing keys rotate: a new one when the newest is {@link
 * #ROTATE_AFTER} old (checked at start and hourly) or on {@code admin rotate-token-keys}; a
 * replaced key is deleted {@link #RETIRE_AFTER} after its successor, when no token it signed can
 * still be valid. Check keys never rotate: the values they made are stored.
 */
final class ServiceKeyManager {
  /** The token-signing keys. */
  static final List<String> SIGNING = List.of("x-auth-token", "security-token", "import-token");

  static final String SEED_CHECK = "seed-check";
  static final String MATERIAL_CHECK = "material-check";
  static final Duration ROTATE_AFTER = Duration.ofDays(30);

  /** Longer than any token lives (24 hours, plus clock skew and the refresh of other nodes). */
  static final Duration RETIRE_AFTER = Duration.ofDays(2);

  static final int KEY_BYTES = 32;

  private final ServiceKeyStore store;
  private final KeyWrapper wrapper;
  private final Clock clock;
  private final SecureRandom random;

  ServiceKeyManager(Database db, KeyWrapper wrapper, Clock clock, SecureRandom random) {
    this.store = new ServiceKeyStore(db);
    this.wrapper = wrapper;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Makes what is missing, rotates what is due and deletes what is retired. The check keys of a
   * data dir that predates the table ({@code legacy}) are the HKDF sub-keys its file root key
   * derived before, so its stored seed checks and import check values stay true.
   */
  void prepare(boolean legacy, Optional<RootKey> fileKey) {
    for (String purpose : SIGNING) {
      maintain(purpose);
    }
    Optional<RootKey> old = legacy ? fileKey : Optional.empty();
    fixedKey(SEED_CHECK, old.map(k -> k.deriveKey(SeedPasswords.KEY_PURPOSE, KEY_BYTES)));
    fixedKey(MATERIAL_CHECK, old.map(k -> k.deriveKey(MaterialCheck.KEY_PURPOSE, KEY_BYTES)));
  }

  /**
   * Rotates every signing key that is due and deletes the retired ones; returns how many changed.
   */
  int maintain() {
    int changed = 0;
    for (String purpose : SIGNING) {
      changed += maintain(purpose);
    }
    return changed;
  }

  private int maintain(String purpose) {
    List<ServiceKeyStore.Row> rows = store.list(purpose);
    Instant now = clock.instant();
    int changed = 0;
    if (rows.isEmpty() || age(rows.get(rows.size() - 1), now).compareTo(ROTATE_AFTER) >= 0) {
      create(purpose, newKid(), SecretBytes.random(KEY_BYTES, random));
      rows = store.list(purpose);
      changed++;
    }
    for (int i = 0; i + 1 < rows.size(); i++) {
      if (age(rows.get(i + 1), now).compareTo(RETIRE_AFTER) >= 0
          && store.delete(rows.get(i).kid())) {
        changed++;
      }
    }
    return changed;
  }

  /** Makes a new current key for every signing purpose; returns their kids. */
  List<String> rotate() {
    List<String> kids = new ArrayList<>();
    for (String purpose : SIGNING) {
      String kid = newKid();
      create(purpose, kid, SecretBytes.random(KEY_BYTES, random));
      kids.add(purpose + " " + kid);
    }
    return kids;
  }

  /** The signing keys of {@code purpose}, as tokens use them. */
  ServiceKeys signing(String purpose) {
    return new StoredServiceKeys(store, wrapper, purpose);
  }

  /** The check key of {@code purpose} (its kid is the purpose). */
  SecretBytes check(String purpose) {
    return store.list(purpose).stream()
        .filter(r -> r.kid().equals(purpose))
        .findFirst()
        .map(r -> StoredServiceKeys.unwrap(wrapper, r))
        .orElseThrow(() -> new IllegalStateException("no " + purpose + " key in the database"));
  }

  private void fixedKey(String purpose, Optional<SecretBytes> legacyValue) {
    if (store.list(purpose).isEmpty()) {
      try {
        create(
            purpose, purpose, legacyValue.orElseGet(() -> SecretBytes.random(KEY_BYTES, random)));
      } catch (StoreException.Duplicate raced) {
        // another node made it first: theirs is the one
      }
    }
  }

  private void create(String purpose, String kid, SecretBytes key) {
    try {
      byte[] wrapped = wrapper.wrap(key, ServiceKeys.wrapAad(purpose, kid));
      // Strictly after the newest: the newest row is the current key, also within a millisecond.
      long createdAt =
          store.list(purpose).stream()
              .mapToLong(r -> r.createdAt() + 1)
              .reduce(clock.millis(), Math::max);
      store.insert(
          new ServiceKeyStore.Row(
              kid, purpose, Base64.getEncoder().encodeToString(wrapped), createdAt));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap a new " + purpose + " key under the root key");
    } finally {
      key.destroy();
    }
  }

  private String newKid() {
    byte[] id = new byte[8];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static Duration age(ServiceKeyStore.Row row, Instant now) {
    return Duration.between(Instant.ofEpochMilli(row.createdAt()), now);
  }
}
