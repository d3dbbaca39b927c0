package io.keyloom.auth.sig;

import java.util.Optional;

/** Finds the secret of an access key so that a request signature can be verified. */
@FunctionalInterface
public interface SecretLookup {
  /**
   * Returns the secret of {@code accessKeyId}, or empty if the key is unknown or inactive. Must not
   * throw for unknown ids.
   */
  Optional<AccessSecret> find(String accessKeyId);
}
