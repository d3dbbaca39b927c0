package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.AliasStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alias to key id, in memory, so that a crypto call naming a key by alias touches no database
 * (docs/aliases.md). Same freshness as key metadata (docs/key-cache.md): a change made through this
 * node is visible at once ({@link #forget}); one made by another node once the entry is older than
 * the bound (2 s). Missing aliases are not remembered, like missing keys.
 */
final class AliasCache {
  private final AliasStore store;
  private final long ttlNanos;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  // Counts forgets, so that a lookup that raced one does not leave its stale answer behind.
  private final AtomicLong forgets = new AtomicLong();

  private record Entry(String keyId, long loadedAtNanos) {}

  AliasCache(AliasStore store, Duration ttl) {
    this.store = store;
    this.ttlNanos = ttl.toNanos();
  }

  /** The key id an alias of the project's account and region names, else {@code KMS.0207}. */
  String keyId(Project project, String alias) {
    String name = name(project, alias);
    Entry entry = entries.get(name);
    if (entry == null || System.nanoTime() - entry.loadedAtNanos() > ttlNanos) {
      entry = load(project, alias, name);
    }
    return entry.keyId();
  }

  /**
   * Reads an alias from the store and remembers it, unless a forget ran meanwhile: the entry is put
   * first and dropped again if the count moved, so either this check or the forget removes it.
   */
  private Entry load(Project project, String alias, String name) {
    long seen = forgets.get();
    Entry entry =
        store
            .find(project.domainId(), project.name(), alias)
            .map(row -> new Entry(row.keyId(), System.nanoTime()))
            .orElse(null);
    if (entry == null) {
      entries.remove(name);
      throw new KmsException(ErrorCode.KEY_NOT_FOUND);
    }
    entries.put(name, entry);
    if (forgets.get() != seen) {
      entries.remove(name);
    }
    return entry;
  }

  /** Forgets an alias just created, deleted or re-associated through this node. */
  void forget(Project project, String alias) {
    forgets.incrementAndGet();
    entries.remove(name(project, alias));
  }

  /** Forgets every alias: after the emulator's reset. */
  void clear() {
    forgets.incrementAndGet();
    entries.clear();
  }

  private static String name(Project project, String alias) {
    return project.domainId() + '\n' + project.name() + '\n' + alias;
  }
}
