package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.kms.api.KeyResponses;
import io.keyloom.store.KeyDeletions;
import io.keyloom.store.KeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * {@code schedule-key-deletion} and {@code cancel-key-deletion}, following the state machine of
 * huawei-kms-api.md §5 and docs/key-lifecycle.md. {@link KeyDestroyer} removes keys once their
 * waiting period has passed; until then a scheduled key can be described but not used.
 */
public final class DeletionService {
  static final int MIN_PENDING_DAYS = 7;
  static final int MAX_PENDING_DAYS = 1096;
  private static final Pattern DAYS = Pattern.compile("^[0-9]{1,4}$");

  private final KeyRepository repository;
  private final KeyDeletions deletions;
  private final KeyCache cache;
  private final Clock clock;

  /** A service over the store; {@code clock} dates the deletions. */
  public DeletionService(
      KeyRepository repository, KeyDeletions deletions, KeyCache cache, Clock clock) {
    this.repository = repository;
    this.deletions = deletions;
    this.cache = cache;
    this.clock = clock;
  }

  /**
   * Schedules a key's destruction in 7–1096 days ({@code KMS.1401}); allowed from enabled, disabled
   * and pending import, refused when already pending ({@code KMS.1402}) and for default keys
   * ({@code KMS.0211}). The key becomes unusable at once on this node.
   */
  public KeyResponses.KeyDeletion schedule(
      Project project, KeyRequests.ScheduleKeyDeletion request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    int days = pendingDays(request.pendingDays());
    LoadedKey key = cache.get(project.id(), keyId);
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    // The store refuses only a key already pending deletion: every other state that exists
    // (enabled, disabled, pending import) may be scheduled. The cached state may be up to the
    // cache TTL old, so the conditional write decides, not the cache.
    long deletionDate = clock.millis() + Duration.ofDays(days).toMillis();
    KeyState pending = KeyState.PENDING_DELETION;
    if (!deletions.schedule(keyId, pending.wire(), deletionDate)) {
      refresh(project, keyId);
      throw new KmsException(ErrorCode.ALREADY_PENDING_DELETION);
    }
    refresh(project, keyId);
    return new KeyResponses.KeyDeletion(keyId, pending.wire());
  }

  /**
   * Cancels a pending deletion ({@code KMS.1501} unless pending): the key becomes disabled, or
   * pending import when it is an external key that has no material.
   */
  public KeyResponses.KeyDeletion cancel(Project project, KeyRequests.KeyId request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    cache.get(project.id(), keyId);
    KeyState next = repository.hasMaterial(keyId) ? KeyState.DISABLED : KeyState.PENDING_IMPORT;
    // As in schedule: the conditional write decides, the cached state may be stale.
    if (!deletions.cancel(keyId, KeyState.PENDING_DELETION.wire(), next.wire())) {
      refresh(project, keyId);
      throw new KmsException(ErrorCode.KEY_NOT_PENDING_DELETION);
    }
    refresh(project, keyId);
    return new KeyResponses.KeyDeletion(keyId, next.wire());
  }

  /** Re-reads a key after a write; 404 if it is gone meanwhile. */
  private LoadedKey refresh(Project project, String keyId) {
    repository.find(keyId).ifPresentOrElse(cache::put, () -> cache.evict(keyId));
    return cache.get(project.id(), keyId);
  }

  private static int pendingDays(String value) {
    Params.required(value, "pending_days");
    if (!DAYS.matcher(value).matches()) {
      throw new KmsException(ErrorCode.INVALID_PENDING_DAYS);
    }
    int days = Integer.parseInt(value);
    if (days < MIN_PENDING_DAYS || days > MAX_PENDING_DAYS) {
      throw new KmsException(ErrorCode.INVALID_PENDING_DAYS);
    }
    return days;
  }
}
