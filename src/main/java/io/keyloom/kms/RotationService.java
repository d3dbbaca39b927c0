package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.kms.api.RotationRequests;
import io.keyloom.kms.api.RotationResponses;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyRow;
import java.math.BigInteger;

/**
 * {@code enable-key-rotation}, {@code disable-key-rotation}, {@code get-key-rotation-status} and
 * {@code update-key-rotation-interval} (huawei-kms-api.md §3.24, docs/key-rotation.md). The three
 * writes answer {@code {}} (they return null). Only symmetric keys of origin kms that are not
 * default keys rotate; the status can be read for any key.
 */
public final class RotationService {
  static final int MIN_INTERVAL = 30;
  static final int MAX_INTERVAL = 365;
  private final KeyRotations rotations;
  private final KeyCache cache;
  private final KeyRotator rotator;

  /** A service over the store; {@code rotator} rotates keys that a change makes due. */
  public RotationService(KeyRotations rotations, KeyCache cache, KeyRotator rotator) {
    this.rotations = rotations;
    this.cache = cache;
    this.rotator = rotator;
  }

  /**
   * Turns automatic rotation on ({@code KMS.2901} if it is on already) with the key's interval (365
   * days unless changed before). A key whose last rotation, or creation, is older than the interval
   * rotates at once if it is enabled, else as soon as it is enabled again.
   */
  public Void enable(Project project, KeyRequests.KeyId request) {
    KeyRow row = rotatable(project, request.keyId(), request.sequence());
    int interval = row.rotationInterval();
    if (!rotations.enable(row.keyId(), interval, KeyRotator.nextRotation(row, interval))) {
      rotator.refresh(row.keyId());
      throw new KmsException(ErrorCode.ROTATION_NOT_DISABLED);
    }
    rotator.rotateIfDue(row.keyId());
    return null;
  }

  /** Turns automatic rotation off ({@code KMS.0313} if it is off); every version stays. */
  public Void disable(Project project, KeyRequests.KeyId request) {
    KeyRow row = rotatable(project, request.keyId(), request.sequence());
    boolean done = rotations.disable(row.keyId());
    rotator.refresh(row.keyId());
    if (!done) {
      throw new KmsException(ErrorCode.ROTATION_NOT_ENABLED);
    }
    return null;
  }

  /**
   * Changes the interval to 30–365 days ({@code KMS.3001}) of a key whose rotation is on ({@code
   * KMS.0313} otherwise). The next rotation is one new interval after the last rotation (or the
   * creation); if that has passed, the key rotates at once.
   */
  public Void updateInterval(Project project, RotationRequests.UpdateKeyRotationInterval request) {
    Params.sequence(request.sequence());
    Params.keyId(request.keyId());
    int interval = interval(request.rotationInterval());
    KeyRow row = rotatable(project, request.keyId(), request.sequence());
    // The store decides whether rotation is on: the cached row may be a moment old.
    if (!rotations.changeInterval(row.keyId(), interval, KeyRotator.nextRotation(row, interval))) {
      rotator.refresh(row.keyId());
      throw new KmsException(ErrorCode.ROTATION_NOT_ENABLED);
    }
    rotator.rotateIfDue(row.keyId());
    return null;
  }

  /** The rotation settings and history of a key in any state, of any spec. */
  public RotationResponses.RotationStatus status(Project project, KeyRequests.KeyId request) {
    Params.sequence(request.sequence());
    KeyRow row = cache.get(project.id(), Params.keyId(request.keyId())).row();
    return new RotationResponses.RotationStatus(
        row.rotationEnabled(),
        row.rotationInterval(),
        row.lastRotation() == null ? "" : Long.toString(row.lastRotation()),
        row.rotations());
  }

  /**
   * The key, if its rotation settings may change: not a default key ({@code KMS.0211}), symmetric
   * ({@code KMS.0324} asymmetric, {@code KMS.0341} HMAC), of origin kms ({@code KMS.0312}) and not
   * pending deletion ({@code KMS.0210}).
   */
  private KeyRow rotatable(Project project, String keyId, String sequence) {
    Params.sequence(sequence);
    LoadedKey key = cache.get(project.id(), Params.keyId(keyId));
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    switch (key.spec().kind()) {
      case SYMMETRIC -> {}
      case ASYMMETRIC -> throw new KmsException(ErrorCode.ASYMMETRIC_KEY_NO_ROTATION);
      case HMAC -> throw new KmsException(ErrorCode.HMAC_NOT_SUPPORTED);
    }
    if (!"kms".equals(key.row().origin())) {
      throw new KmsException(ErrorCode.EXTERNAL_KEY_NO_ROTATION);
    }
    if (key.state() == KeyState.PENDING_DELETION) {
      throw new KmsException(ErrorCode.KEY_PENDING_DELETION);
    }
    return key.row();
  }

  private static int interval(BigInteger value) {
    if (value == null) {
      throw KmsException.missing("rotation_interval");
    }
    if (value.compareTo(BigInteger.valueOf(MIN_INTERVAL)) < 0
        || value.compareTo(BigInteger.valueOf(MAX_INTERVAL)) > 0) {
      throw new KmsException(ErrorCode.INVALID_ROTATION_INTERVAL);
    }
    return value.intValueExact();
  }
}
