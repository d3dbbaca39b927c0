package io.keyloom.store;

/**
 * One customer master key's metadata row. Enum-like values are stored as their wire strings; the
 * store does not interpret them.
 */
public record KeyRow(
    String keyId,
    String projectId,
    String domainId,
    String alias,
    String spec,
    String usage,
    String description,
    String origin,
    String state,
    String enterpriseProjectId,
    boolean defaultKey,
    long creationDate,
    Long scheduledDeletionDate,
    int currentVersion) {

  /** A copy with another state. */
  public KeyRow withState(String newState) {
    return new KeyRow(
        keyId,
        projectId,
        domainId,
        alias,
        spec,
        usage,
        description,
        origin,
        newState,
        enterpriseProjectId,
        defaultKey,
        creationDate,
        scheduledDeletionDate,
        currentVersion);
  }
}
