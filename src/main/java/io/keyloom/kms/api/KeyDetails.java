package io.keyloom.kms.api;

/**
 * Every field of the SDK's {@code KeyDetails}; all are JSON strings on the wire, timestamps in
 * epoch milliseconds, empty strings where Huawei sends empty strings. Built by name ({@link
 * #builder}).
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
    String keystoreId) {

  /** A builder with every field unset (null, omitted on the wire). */
  public static Builder builder() {
    return new Builder();
  }

  /** Named construction of {@link KeyDetails}. */
  public static final class Builder {
    private String keyId;
    private String domainId;
    private String keyAlias;
    private String realm;
    private String keySpec;
    private String keyUsage;
    private String keyDescription;
    private String creationDate;
    private String scheduledDeletionDate;
    private String keyState;
    private String defaultKeyFlag;
    private String keyType;
    private String expirationTime;
    private String origin;
    private String keyRotationEnabled;
    private String sysEnterpriseProjectId;
    private String keystoreId;

    private Builder() {}

    public Builder keyId(String v) {
      keyId = v;
      return this;
    }

    public Builder domainId(String v) {
      domainId = v;
      return this;
    }

    public Builder keyAlias(String v) {
      keyAlias = v;
      return this;
    }

    public Builder realm(String v) {
      realm = v;
      return this;
    }

    public Builder keySpec(String v) {
      keySpec = v;
      return this;
    }

    public Builder keyUsage(String v) {
      keyUsage = v;
      return this;
    }

    public Builder keyDescription(String v) {
      keyDescription = v;
      return this;
    }

    public Builder creationDate(String v) {
      creationDate = v;
      return this;
    }

    public Builder scheduledDeletionDate(String v) {
      scheduledDeletionDate = v;
      return this;
    }

    public Builder keyState(String v) {
      keyState = v;
      return this;
    }

    public Builder defaultKeyFlag(String v) {
      defaultKeyFlag = v;
      return this;
    }

    public Builder keyType(String v) {
      keyType = v;
      return this;
    }

    public Builder expirationTime(String v) {
      expirationTime = v;
      return this;
    }

    public Builder origin(String v) {
      origin = v;
      return this;
    }

    public Builder keyRotationEnabled(String v) {
      keyRotationEnabled = v;
      return this;
    }

    public Builder sysEnterpriseProjectId(String v) {
      sysEnterpriseProjectId = v;
      return this;
    }

    public Builder keystoreId(String v) {
      keystoreId = v;
      return this;
    }

    public KeyDetails build() {
      return new KeyDetails(
          keyId,
          domainId,
          keyAlias,
          realm,
          keySpec,
          keyUsage,
          keyDescription,
          creationDate,
          scheduledDeletionDate,
          keyState,
          defaultKeyFlag,
          keyType,
          expirationTime,
          origin,
          keyRotationEnabled,
          sysEnterpriseProjectId,
          keystoreId);
    }
  }
}
