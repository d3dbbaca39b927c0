package io.keyloom.kms;

/**
 * The project a KMS call acts in, already authenticated and authorised by the caller.
 *
 * @param id the project id of the path
 * @param name the project's name, reported as a key's realm
 * @param domainId the owning domain (account)
 */
public record Project(String id, String name, String domainId) {}
