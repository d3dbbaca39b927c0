package io.keyloom.kms;

import io.keyloom.store.ImportedMaterial;
import io.keyloom.store.StoreException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes imported material whose {@code expiration_time} has passed (docs/key-import.md): an
 * enabled or disabled key goes back to pending import; a key pending deletion keeps its state and
 * has no material if the deletion is cancelled. Registered in {@link KeySweeps}, so it also runs at
 * start and after every emulator clock move. Idempotent, like {@link KeyDestroyer}.
 */
public final class MaterialExpiry {
  private static final Logger LOG = LoggerFactory.getLogger(MaterialExpiry.class);
  private static final int BATCH = 100;
  private final ImportedMaterial store;
  private final KeyCache cache;

  /** An expiry sweep over the store, making {@code cache} forget expired material. */
  public MaterialExpiry(ImportedMaterial store, KeyCache cache) {
    this.store = store;
    this.cache = cache;
  }

  /**
   * Deletes every expired material now.
   *
   * @return how many keys lost their material
   */
  public int sweep() {
    int expired = 0;
    List<String> due = store.expired(BATCH);
    while (!due.isEmpty()) {
      int before = expired;
      for (String keyId : due) {
        expired += expire(keyId) ? 1 : 0;
      }
      if (expired == before) {
        break; // nothing left that this sweep can expire (taken by another sweep, or failing)
      }
      due = store.expired(BATCH);
    }
    if (expired > 0) {
      store.reclaimDeletedSpace();
    }
    return expired;
  }

  private boolean expire(String keyId) {
    try {
      boolean done = store.expire(keyId, ImportChecks.DELETING, KeyState.DISABLED.wire());
      if (done) {
        LOG.info("deleted the imported material of key {}: its expiration time has passed", keyId);
      }
      return done;
    } catch (StoreException.Unavailable e) {
      return false; // the store logged its state once; the next sweep retries
    } catch (RuntimeException e) {
      LOG.error("could not delete the expired material of key {}", keyId, e);
      return false;
    } finally {
      cache.forgetMaterial(keyId);
    }
  }
}
