package io.keyloom.kms;

import io.keyloom.store.GrantRow;
import io.keyloom.store.GrantStore;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The grants of each key in memory, so that a grantee's crypto call touches no database once its
 * key is warm (docs/grants.md). Same freshness as key metadata (docs/key-cache.md): a grant
 * created, revoked or retired through this node counts at once ({@link #forget}); one changed by
 * another node once the entry is older than the bound (2 s).
 */
final class GrantCache {
  private final GrantStore store;
  private final long ttlNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  // Counts forgets, so that a load that raced one does not leave a revoked grant behind.
  private final AtomicLong forgets = new AtomicLong();

  private record Entry(List<GrantRow> grants, long loadedAtNanos) {}

  GrantCache(GrantStore store, Duration ttl) {
    this.store = store;
    this.ttlNanos = ttl.toNanos();
  }

  /** The operations the key's grants give the requester; empty when it holds none. */
  Set<GrantOperation> operations(String keyId, Requester requester) {
    Set<GrantOperation> granted = EnumSet.noneOf(GrantOperation.class);
    for (GrantRow grant : grants(keyId)) {
      if (isGrantee(grant, requester)) {
        grant.operations().forEach(op -> granted.add(GrantOperation.fromWire(op)));
      }
    }
    return granted;
  }

  /** Whether the requester is the grant's grantee: its user, or a user of its account. */
  static boolean isGrantee(GrantRow grant, Requester requester) {
    String principal = grant.granteePrincipal();
    return "domain".equals(grant.granteeType())
        ? principal.equals(requester.domainId())
        : principal.equals(requester.userId());
  }

  private List<GrantRow> grants(String keyId) {
    Entry entry = entries.get(keyId);
    if (entry == null || System.nanoTime() - entry.loadedAtNanos() > ttlNanos) {
      long seen = forgets.get();
      entry = new Entry(store.ofKey(keyId), System.nanoTime());
      entries.put(keyId, entry);
      if (forgets.get() != seen) {
        entries.remove(keyId);
      }
    }
    return entry.grants();
  }

  /** Forgets a key's grants: one was created, revoked or retired, or the key was destroyed. */
  void forget(String keyId) {
    forgets.incrementAndGet();
    entries.remove(keyId);
  }

  /** Forgets every key's grants: after the emulator's reset. */
  void clear() {
    forgets.incrementAndGet();
    entries.clear();
  }
}
