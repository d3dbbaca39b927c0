package io.keyloom.kms.api;

/**
 * Every field of the SDK's {@code KeyDetails}; all are JSON strings on the wire, timestamps in
 * epoch milliseconds, empty strings where Huawei sends empty strings.
 */
public record KeyDetails(
    String keyId,
    String domainId,
    String keyAlias,
    String realm,
    String keySpec,
    String keyUsage,
    String keyDescription,
    String creationDate,
    String scheduledDeletionDate,
    String keyState,
    String defaultKeyFlag,
    String keyType,
    String expirationTime,
    String origin,
    String keyRotationEnabled,
    String sysEnterpriseProjectId,
    String keystoreId) {}
