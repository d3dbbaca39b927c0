package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
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
}
