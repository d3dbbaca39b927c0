package io.keyloom.auth.sig;

import java.util.Optional;

/** Finds the secret of an access key so that a request signature can be verified. */
@FunctionalInterface
public interface SecretLookup {
  /**
   * Returns the secret of {@code accessKeyId}, or empty if the key is unknown or inactive. Must not
   * throw for unknown ids or bad tokens.
   *
   * @param accessKeyId the AK of the request
   * @param securityToken the request's {@code X-Security-Token}, or null; a lookup may derive a
   *     temporary credential from it, and must then return it as the secret's security token
   */
  Optional<AccessSecret> find(String accessKeyId, String securityToken);
}
