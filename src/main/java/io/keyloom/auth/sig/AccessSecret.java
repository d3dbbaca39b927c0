package io.keyloom.auth.sig;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An access key's secret, as the verifier needs it.
 *
 * @param accessKeyId the public access key id (AK)
 * @param secret the UTF-8 bytes of the secret key (SK); copied on the way in and out
 * @param expiresAt when a temporary credential expires, or {@code null} for a permanent key
 * @param securityToken the STS token a temporary credential must present, or {@code null}
 */
public record AccessSecret(
    String accessKeyId, byte[] secret, Instant expiresAt, String securityToken) {

  /** Validates that the id is non-blank and the secret non-empty, and copies the secret. */
  public AccessSecret {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secret, "secret");
    if (accessKeyId.isBlank()) {
      throw new IllegalArgumentException("accessKeyId must not be blank");
    }
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    if (securityToken != null && securityToken.isEmpty()) {
      throw new IllegalArgumentException("securityToken must be null or non-empty");
    }
    secret = secret.clone();
  }

  /** Returns a copy of the secret bytes; callers should zero it after use. */
  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** Compares by value, including the secret bytes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AccessSecret that
        && accessKeyId.equals(that.accessKeyId)
        && Arrays.equals(secret, that.secret)
        && Objects.equals(expiresAt, that.expiresAt)
        && Objects.equals(securityToken, that.securityToken);
  }

  /** Hashes the public parts only, so the hash reveals nothing about the secret. */
  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, expiresAt);
  }

  /** Shows the key id and expiry; the secret and the security token are redacted. */
  @Override
  public String toString() {
    return "AccessSecret[accessKeyId="
        + accessKeyId
        + ", secret=REDACTED, expiresAt="
        + expiresAt
        + ", securityToken="
        + (securityToken == null ? "null" : "REDACTED")
        + "]";
  }
}
