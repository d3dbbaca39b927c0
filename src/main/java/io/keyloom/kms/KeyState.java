package io.keyloom.kms;

import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;

/** The Huawei key states (shared/api/huawei-kms-api.md §5) and their wire values. */
public enum KeyState {
  ENABLED("2"),
  DISABLED("3"),
  PENDING_DELETION("4"),
  PENDING_IMPORT("5");

  private final String wire;

  KeyState(String wire) {
    this.wire = wire;
  }

  /** The string sent as {@code key_state}. */
  public String wire() {
    return wire;
  }

  /** The state stored as {@code wire}. */
  public static KeyState fromWire(String wire) {
    for (KeyState s : values()) {
      if (s.wire.equals(wire)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown stored key state " + wire);
  }

  /**
   * Throws the documented error unless the key may be used for cryptography: disabled keys give
   * {@code KMS.0209}, keys pending deletion {@code KMS.0210}, keys without material {@code
   * KMS.0209}.
   */
  public void requireUsable() {
    switch (this) {
      case ENABLED -> {}
      case DISABLED -> throw new KmsException(ErrorCode.KEY_DISABLED);
      case PENDING_DELETION -> throw new KmsException(ErrorCode.KEY_PENDING_DELETION);
      case PENDING_IMPORT ->
          throw new KmsException(
              ErrorCode.KEY_DISABLED, "The key has no material yet: it is pending import.");
    }
  }
}
