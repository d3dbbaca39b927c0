package io.keyloom.store;

/**
 * Which keys of a project a listing returns; a null field does not filter. Values are wire strings
 * compared for equality, never interpreted.
 *
 * @param projectId the project whose keys are listed
 * @param state only keys in this state
 * @param spec only keys of this spec
 * @param enterpriseProjectId only keys of this enterprise project
 */
public record KeyFilter(String projectId, String state, String spec, String enterpriseProjectId) {}
