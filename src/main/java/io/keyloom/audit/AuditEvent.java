package io.keyloom.audit;

/**
 * One audited operation, as {@link AuditLog} writes it (docs/audit-log.md). Holds identifiers and
 * outcomes only: never a plaintext, key, token, password, secret key, signature or MAC.
 *
 * @param requestId the request's id ({@code X-Request-Id})
 * @param service {@code kms} or {@code iam}
 * @param method the HTTP method
 * @param operation the KMS operation (e.g. {@code create-key}) or the IAM path
 * @param caller who called; its fields are null where not known (failed authentication)
 * @param keyId the key the operation names or created; null when there is none
 * @param status the HTTP status answered
 * @param errorCode the error code answered (e.g. {@code KMS.0205}); null on success
 * @param clientAddress the peer's IP address
 */
public record AuditEvent(
    String requestId,
    String service,
    String method,
    String operation,
    Caller caller,
    String keyId,
    int status,
    String errorCode,
    String clientAddress) {

  /**
   * The caller of an audited operation.
   *
   * @param userId the user's id
   * @param domainId the user's account
   * @param projectId the project of a KMS path (or of a project-scoped token on login)
   * @param authMethod {@code token}, {@code aksk}, {@code temporary_aksk} or {@code password}
   */
  public record Caller(String userId, String domainId, String projectId, String authMethod) {
    /** Nobody known: authentication failed or did not happen. */
    public static final Caller UNKNOWN = new Caller(null, null, null, null);
  }
}
