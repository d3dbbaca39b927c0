package io.keyloom.kms;

import java.util.Optional;

/** What a key may be used for; fixed at creation. */
public enum KeyUsage {
  ENCRYPT_DECRYPT,
  SIGN_VERIFY,
  /** HMAC keys: generate-mac and verify-mac, and nothing else. */
  GENERATE_VERIFY_MAC;

  /** The usage named on the wire, if it is one. */
  public static Optional<KeyUsage> parse(String wire) {
    for (KeyUsage u : values()) {
      if (u.name().equals(wire)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
