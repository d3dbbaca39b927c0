package io.keyloom.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * The root-key canary: a fixed constant sealed under the root key at a data store's first start and
 * opened at every later start, so that a node holding another root key (a wrong file, a wrong HSM
 * key) refuses to start before it touches any data (docs/root-of-trust.md).
 */
public final class RootCanary {
  private static final byte[] CANARY =
      "keyloom-root-key-canary-v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] CANARY_AAD = "canary".getBytes(StandardCharsets.UTF_8);

  private RootCanary() {}

  /** The canary sealed under {@code wrapper}'s active root key. */
  public static byte[] seal(KeyWrapper wrapper) throws GeneralSecurityException {
    return wrapper.wrap(SecretBytes.copyOf(CANARY), CANARY_AAD);
  }

  /** Whether {@code canary} is the constant sealed under a root key {@code wrapper} holds. */
  public static boolean opens(KeyWrapper wrapper, byte[] canary) {
    try {
      SecretBytes opened = wrapper.unwrap(canary, CANARY_AAD);
      byte[] plain = opened.toByteArray();
      opened.destroy();
      return MessageDigest.isEqual(plain, CANARY);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
