package io.keyloom.kms;

import io.keyloom.store.KeyDeletions;
import io.keyloom.store.StoreException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys keys whose deletion waiting period has passed: every wrapped version and the metadata
 * row leave the store, and the key leaves this node's cache. Afterwards the key is not found (404
 * {@code KMS.0207}) and nothing, not even the root key, can recover its material.
 *
 * <p>All state is in the store, so a sweep after a restart catches up with every key that fell due
 * while the server was down. Sweeps are idempotent and may overlap (each destruction is one
 * conditional transaction); the server runs one at start and then periodically, and tests call
 * {@link #sweep} directly after moving the clock (docs/key-lifecycle.md).
 */
public final class KeyDestroyer {
  private static final Logger LOG = LoggerFactory.getLogger(KeyDestroyer.class);
  private static final int BATCH = 100;
  private final KeyDeletions deletions;
  private final KeyCache cache;

  /** A destroyer over the store, evicting from {@code cache}. */
  public KeyDestroyer(KeyDeletions deletions, KeyCache cache) {
    this.deletions = deletions;
    this.cache = cache;
  }

  /**
   * Destroys every key that is due now.
   *
   * @return how many keys this call destroyed
   */
  public int sweep() {
    int destroyed = 0;
    List<String> due = deletions.due(BATCH);
    while (!due.isEmpty()) {
      int before = destroyed;
      for (String keyId : due) {
        destroyed += destroy(keyId) ? 1 : 0;
      }
      if (destroyed == before) {
        break; // nothing left that this sweep can destroy (taken by another sweep, or failing)
      }
      due = deletions.due(BATCH);
    }
    if (destroyed > 0) {
      deletions.reclaimDeletedSpace();
    }
    return destroyed;
  }

  /**
   * Destroys every key of every project now, due or not, and empties the cache: the emulator's
   * reset (docs/emulator.md). A request that loaded a key just before may still use it for as long
   * as it runs; the next request finds no key.
   *
   * @return how many keys were destroyed
   */
  public int destroyAll() {
    int destroyed;
    try {
      destroyed = deletions.destroyAll();
    } finally {
      cache.clear();
    }
    if (destroyed > 0) {
      deletions.reclaimDeletedSpace();
      LOG.info("reset: destroyed all {} keys", destroyed);
    }
    return destroyed;
  }

  private boolean destroy(String keyId) {
    try {
      boolean done = deletions.destroy(keyId);
      if (done) {
        LOG.info("destroyed key {}: its deletion date has passed", keyId);
      }
      return done;
    } catch (StoreException.Unavailable e) {
      return false; // the store logged its state once; the next sweep retries
    } catch (RuntimeException e) {
      // One key that cannot be destroyed must not stop the others; the next sweep retries it.
      LOG.error("could not destroy due key {}", keyId, e);
      return false;
    } finally {
      // Evict whatever happened: a key another node destroyed must leave this cache too.
      cache.evict(keyId);
    }
  }
}
