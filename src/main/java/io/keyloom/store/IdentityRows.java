package io.keyloom.store;

import java.util.Set;

/** Plain rows of the identity tables; the store attaches no meaning to their values. */
public final class IdentityRows {
  private IdentityRows() {}

  /** An IAM domain (account). */
  public record DomainRow(String id, String name) {}

  /** A project inside a domain. */
  public record ProjectRow(String id, String domainId, String name) {}

  /**
   * A user; the password is stored only as a hash string, and for a seeded password with a seed
   * check (null otherwise) that lets a start skip re-hashing an unchanged seed password.
   */
  public record UserRow(
      String id, String domainId, String name, String passwordHash, String seedCheck) {
    /** A user without a seed check. */
    public UserRow(String id, String domainId, String name, String passwordHash) {
      this(id, domainId, name, passwordHash, null);
    }

    @Override
    public String toString() {
      return "UserRow[id=" + id + ", domainId=" + domainId + ", name=" + name + "]";
    }
  }

  /** An access key; the secret is stored only wrapped under the root key. */
  public record AccessKeyRow(String accessKey, String userId, byte[] wrappedSecret) {
    @Override
    public String toString() {
      return "AccessKeyRow[accessKey=" + accessKey + ", userId=" + userId + "]";
    }
  }

  /** The identities a reset keeps, by id (access keys by their AK); everything else goes. */
  public record Retained(
      Set<String> domainIds, Set<String> projectIds, Set<String> userIds, Set<String> accessKeys) {
    /** Copies the sets. */
    public Retained {
      domainIds = Set.copyOf(domainIds);
      projectIds = Set.copyOf(projectIds);
      userIds = Set.copyOf(userIds);
      accessKeys = Set.copyOf(accessKeys);
    }
  }
}
