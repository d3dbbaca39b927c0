package io.keyloom.auth;

/**
 * A password token request, reduced to what identifies the user and the wanted scope.
 *
 * @param userName the user's name (with a domain), or null when userId is given
 * @param userId the user's id, or null
 * @param domainName the user's domain name, or null
 * @param domainId the user's domain id, or null
 * @param password the password
 * @param projectId the project to scope to by id, or null
 * @param projectName the project to scope to by name (in the user's domain), or null
 */
public record PasswordLogin(
    String userName,
    String userId,
    String domainName,
    String domainId,
    String password,
    String projectId,
    String projectName) {
  @Override
  public String toString() {
    return "PasswordLogin[user=" + (userName != null ? userName : userId) + ", password=REDACTED]";
  }
}
