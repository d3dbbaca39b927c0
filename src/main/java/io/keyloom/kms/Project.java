package io.keyloom.kms;

/**
 * The project a KMS call acts in, already authenticated and authorised by the caller, and who
 * calls.
 *
 * @param id the project id of the path
 * @param name the project's name, reported as a key's realm
 * @param domainId the owning domain (account)
 * @param requester the caller: user, account, authentication method, request id, client address
 */
public record Project(String id, String name, String domainId, Requester requester) {
  /** Normalises a null requester to {@link Requester#SYSTEM}. */
  public Project {
    requester = requester == null ? Requester.SYSTEM : requester;
  }

  /** A project acted in by the server itself ({@link Requester#SYSTEM}): seeding, tests. */
  public Project(String id, String name, String domainId) {
    this(id, name, domainId, Requester.SYSTEM);
  }
}
