package io.keyloom.kms;

/**
 * Who makes a KMS call: what grants and the audit trail need (docs/audit-log.md). Plain strings, so
 * that {@code kms} stays free of {@code auth} and {@code http} types.
 *
 * @param userId the calling user's id; null for the server's own work (seed, sweeps)
 * @param domainId the calling user's account
 * @param authMethod how the caller authenticated: {@code token}, {@code aksk} or {@code
 *     temporary_aksk}; null when not known
 * @param requestId the request's id, as sent back in {@code X-Request-Id}
 * @param clientAddress the peer's IP address
 */
public record Requester(
    String userId, String domainId, String authMethod, String requestId, String clientAddress) {
  /** The server itself: seeding, sweeps, tests that call services directly. */
  public static final Requester SYSTEM = new Requester(null, null, null, null, null);
}
