package io.keyloom.auth;

/**
 * An authenticated caller, acting in one project on KMS routes.
 *
 * @param domainId the caller's account
 * @param userId the caller's user
 * @param projectId the project of the request path, already checked to belong to the caller; null
 *     on IAM routes, which are not project-scoped
 * @param projectName the project's name, which Huawei reports as the key's realm (region); null
 *     with {@code projectId}
 * @param method how the caller authenticated
 */
public record Caller(
    String domainId, String userId, String projectId, String projectName, AuthMethod method) {
  /** A caller whose authentication method is not known (tests that build callers by hand). */
  public Caller(String domainId, String userId, String projectId, String projectName) {
    this(domainId, userId, projectId, projectName, null);
  }
}
