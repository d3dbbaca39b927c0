package io.keyloom.auth;

import java.time.Instant;

/**
 * What a verified X-Auth-Token asserts.
 *
 * @param userId the user the token was issued to
 * @param domainId the user's domain
 * @param projectId the scoped project, or null for a domain-scoped token
 * @param issuedAt when it was issued
 * @param expiresAt when it stops being accepted
 */
public record TokenClaims(
    String userId, String domainId, String projectId, Instant issuedAt, Instant expiresAt) {}
