package io.keyloom;

import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.ServiceKeys;
import io.keyloom.store.ServiceKeyStore;
import io.keyloom.store.StoreException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one purpose as the {@code service_keys} table holds them, unwrapped in memory. The
 * newest is current. The table is read again at most every {@link #REFRESH} for the current key (so
 * a rotation on another node or by {@code admin rotate-token-keys} reaches this node within it) and
 * at most once a second when a token names a kid this node does not know yet.
 */
final class StoredServiceKeys implements ServiceKeys {
  static final Duration REFRESH = Duration.ofSeconds(60);
  private static final long UNKNOWN_KID_RELOAD_NANOS = Duration.ofSeconds(1).toNanos();

  private record Snapshot(List<Key> keys, long loadedAt) {}

  private final ServiceKeyStore store;
  private final KeyWrapper wrapper;
  private final String purpose;
  private volatile Snapshot snapshot;

  StoredServiceKeys(ServiceKeyStore store, KeyWrapper wrapper, String purpose) {
    this.store = store;
    this.wrapper = wrapper;
    this.purpose = purpose;
    this.snapshot = load();
    if (snapshot.keys().isEmpty()) {
      throw new IllegalStateException("no " + purpose + " key in the database");
    }
  }

  @Override
  public Key current() {
    Snapshot s = snapshot;
    if (System.nanoTime() - s.loadedAt() > REFRESH.toNanos()) {
      s = reload(s);
    }
    return s.keys().get(s.keys().size() - 1);
  }

  @Override
  public Optional<Key> find(String kid) {
    Snapshot s = snapshot;
    Optional<Key> found = lookup(s, kid);
    if (found.isEmpty() && System.nanoTime() - s.loadedAt() > UNKNOWN_KID_RELOAD_NANOS) {
      found = lookup(reload(s), kid);
    }
    return found;
  }

  private static Optional<Key> lookup(Snapshot s, String kid) {
    return s.keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
  }

  /** Reads the table again; keeps the keys it has when the database cannot answer. */
  private Snapshot reload(Snapshot old) {
    try {
      Snapshot fresh = load();
      if (!fresh.keys().isEmpty()) {
        snapshot = fresh;
        return fresh;
      }
    } catch (StoreException | IllegalStateException e) {
      // the database is down or a row does not open: serve with what we have, retry later
    }
    Snapshot retry = new Snapshot(old.keys(), System.nanoTime());
    snapshot = retry;
    return retry;
  }

  private Snapshot load() {
    List<Key> keys = new ArrayList<>();
    for (ServiceKeyStore.Row row : store.list(purpose)) {
      keys.add(new Key(row.kid(), unwrap(wrapper, row)));
    }
    return new Snapshot(List.copyOf(keys), System.nanoTime());
  }

  /** The key of {@code row}, unwrapped under the root key. */
  static SecretBytes unwrap(KeyWrapper wrapper, ServiceKeyStore.Row row) {
    try {
      return wrapper.unwrap(
          Base64.getDecoder().decode(row.wrapped()), ServiceKeys.wrapAad(row.purpose(), row.kid()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the " + row.purpose() + " key " + row.kid() + " does not open");
    }
  }
}
