package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.KeyRow;

/**
 * A key's metadata as last read, with the typed views the services need.
 *
 * @param row the stored metadata
 * @param loadedAtNanos when the row was read, for the cache's freshness bound
 */
record LoadedKey(KeyRow row, long loadedAtNanos) {
  KeySpec spec() {
    return KeySpec.valueOf(row.spec());
  }

  KeyUsage usage() {
    return KeyUsage.valueOf(row.usage());
  }

  KeyState state() {
    return KeyState.fromWire(row.state());
  }

  String keyId() {
    return row.keyId();
  }

  /**
   * This key, if it may wrap data keys and data key pairs: symmetric ({@code KMS.0325} for an
   * asymmetric key, {@code KMS.0341} for an HMAC key) and usable ({@code KMS.0209} / {@code
   * KMS.0210}).
   */
  LoadedKey requireDataKeyWrapping() {
    switch (spec().kind()) {
      case SYMMETRIC -> state().requireUsable();
      case ASYMMETRIC -> throw new KmsException(ErrorCode.ASYMMETRIC_NOT_SUPPORTED);
      case HMAC -> throw new KmsException(ErrorCode.HMAC_NOT_SUPPORTED);
    }
    return this;
  }

  /** Refuses an HMAC key ({@code KMS.0341}): it only generates and verifies MACs. */
  LoadedKey refuseHmac() {
    if (spec().isHmac()) {
      throw new KmsException(ErrorCode.HMAC_NOT_SUPPORTED);
    }
    return this;
  }
}
