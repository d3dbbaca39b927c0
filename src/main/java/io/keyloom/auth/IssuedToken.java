package io.keyloom.auth;

import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.UserRow;

/**
 * A freshly issued token with the identities its response body describes.
 *
 * @param token the opaque value for the X-Subject-Token header
 * @param claims what it asserts
 * @param user the user
 * @param domain the user's domain
 * @param project the scoped project, or null when domain-scoped
 */
public record IssuedToken(
    String token, TokenClaims claims, UserRow user, DomainRow domain, ProjectRow project) {
  @Override
  public String toString() {
    return "IssuedToken[user=" + user.name() + ", token=REDACTED]";
  }
}
