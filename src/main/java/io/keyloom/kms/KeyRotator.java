package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.store.Database;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyRow;
import io.keyloom.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rotates keys whose automatic rotation is due: a new version with fresh material becomes current
 * under the same key id, and every older version still decrypts (docs/key-rotation.md).
 *
 * <p>Only enabled keys rotate. A disabled or pending-deletion key waits, and is due again as soon
 * as it is enabled. An overdue key rotates once, however many intervals it missed, and its next
 * rotation is one interval after that rotation. All state is in the store, so the sweep run at
 * start catches up with what fell due while the server was down; each rotation is one conditional
 * transaction, so overlapping sweeps (or nodes) never rotate a key twice for one due time.
 */
public final class KeyRotator {
  private static final Logger LOG = LoggerFactory.getLogger(KeyRotator.class);
  private static final int BATCH = 100;
  private final KeyRotations rotations;
  private final KeyRepository repository;
  private final KeyCache cache;
  private final MaterialFactory materials;
  private final Clock clock;

  /** A rotator over the store, keeping this node's {@code cache} current. */
  KeyRotator(
      KeyRotations rotations,
      KeyRepository repository,
      KeyCache cache,
      MaterialFactory materials,
      Clock clock) {
    this.rotations = rotations;
    this.repository = repository;
    this.cache = cache;
    this.materials = materials;
    this.clock = clock;
  }

  /** A rotator over the database, drawing new versions' material from {@code materials}. */
  public static KeyRotator over(
      Database db, KeyCache cache, MaterialFactory materials, Clock clock) {
    return new KeyRotator(
        new KeyRotations(db), new KeyRepository(db, clock), cache, materials, clock);
  }

  /**
   * Rotates every enabled key that is due now.
   *
   * @return how many keys this call rotated
   */
  public int sweep() {
    int rotated = 0;
    List<KeyRow> due = rotations.due(KeyState.ENABLED.wire(), clock.millis(), BATCH);
    while (!due.isEmpty()) {
      int before = rotated;
      for (KeyRow row : due) {
        rotated += rotateSafely(row) ? 1 : 0;
      }
      if (rotated == before) {
        break; // nothing left that this sweep can rotate (taken by another sweep, or failing)
      }
      due = rotations.due(KeyState.ENABLED.wire(), clock.millis(), BATCH);
    }
    return rotated;
  }

  /**
   * Re-reads a key after a change of its rotation settings and rotates it at once if that made it
   * due (and it is enabled).
   */
  void rotateIfDue(String keyId) {
    KeyRow row = refresh(keyId);
    if (row != null
        && row.nextRotation() != null
        && row.nextRotation() <= clock.millis()
        && KeyState.ENABLED.wire().equals(row.state())) {
      rotate(row);
    }
  }

  /**
   * The first due time of a key whose rotation is turned on or re-timed now: one interval after its
   * last rotation, or after its creation if it never rotated.
   */
  static long nextRotation(KeyRow row, int intervalDays) {
    long base = row.lastRotation() != null ? row.lastRotation() : row.creationDate();
    return base + Duration.ofDays(intervalDays).toMillis();
  }

  /** Re-reads a key into the cache; null (and evicted) when it is gone. */
  KeyRow refresh(String keyId) {
    KeyRow row = repository.find(keyId).orElse(null);
    if (row == null) {
      cache.evict(keyId);
    } else {
      cache.put(row);
    }
    return row;
  }

  private boolean rotateSafely(KeyRow row) {
    try {
      return rotate(row);
    } catch (StoreException.Unavailable e) {
      return false; // the store logged its state once; the next sweep retries
    } catch (RuntimeException e) {
      // One key that cannot rotate must not stop the others; the next sweep retries it.
      LOG.error("could not rotate due key {}", row.keyId(), e);
      return false;
    }
  }

  private boolean rotate(KeyRow row) {
    long now = clock.millis();
    int from = row.currentVersion();
    byte[] wrapped = materials.newWrapped(KeySpec.valueOf(row.spec()), row.keyId(), from + 1);
    long next = now + Duration.ofDays(row.rotationInterval()).toMillis();
    boolean done = rotations.rotate(row.keyId(), from, wrapped, now, next);
    refresh(row.keyId());
    if (done) {
      LOG.info("rotated key {} to version {}", row.keyId(), from + 1);
    }
    return done;
  }
}
