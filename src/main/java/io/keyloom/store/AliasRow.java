package io.keyloom.store;

/**
 * One alias (docs/aliases.md): a name of a key, unique per account and region.
 *
 * @param domainId the owning account
 * @param region the project's name, Huawei's region
 * @param alias the name, {@code alias/...}
 * @param projectId the project of the key
 * @param keyId the key it names
 * @param createdAt epoch milliseconds
 * @param updatedAt epoch milliseconds of the last association
 */
public record AliasRow(
    String domainId,
    String region,
    String alias,
    String projectId,
    String keyId,
    long createdAt,
    long updatedAt) {}
