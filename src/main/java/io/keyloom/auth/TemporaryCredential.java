package io.keyloom.auth;

import java.time.Instant;

/**
 * A temporary access key as IAM hands it out: AK, SK and the security token that must accompany
 * every request signed with them ({@code X-Security-Token}), valid until {@code expiresAt}.
 */
public record TemporaryCredential(
    String access, String secret, String securityToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "TemporaryCredential[access="
        + access
        + ", secret=REDACTED, securityToken=REDACTED, expiresAt="
        + expiresAt
        + "]";
  }
}
