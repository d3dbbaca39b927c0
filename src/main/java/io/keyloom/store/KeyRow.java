package io.keyloom.store;

/**
 * One customer master key's metadata row. Enum-like values are stored as their wire strings; the
 * store does not interpret them. Built by name ({@link #builder}, {@link #toBuilder}), never by
 * position.
 *
 * @param rotationInterval days between automatic rotations, 30–365
 * @param lastRotation when the key last rotated (epoch ms), null if never
 * @param rotations how many times the key has rotated
 * @param nextRotation when the rotation scheduler rotates the key next (epoch ms); null while
 *     automatic rotation is off
 * @param materialExpiration when imported material expires (epoch ms), null if never
 * @param materialCheck a keyed check value of the first imported material, so that a re-import can
 *     be compared with it (docs/key-import.md); null for keys never imported
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
    int currentVersion,
    boolean rotationEnabled,
    int rotationInterval,
    Long lastRotation,
    int rotations,
    Long nextRotation,
    Long materialExpiration,
    String materialCheck) {

  /** The default rotation interval, in days. */
  public static final int DEFAULT_ROTATION_INTERVAL = 365;

  /** A builder with the defaults of a new key: origin kms, enterprise project 0, version 1. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this row's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.keyId = keyId;
    b.projectId = projectId;
    b.domainId = domainId;
    b.alias = alias;
    b.spec = spec;
    b.usage = usage;
    b.description = description;
    b.origin = origin;
    b.state = state;
    b.enterpriseProjectId = enterpriseProjectId;
    b.defaultKey = defaultKey;
    b.creationDate = creationDate;
    b.scheduledDeletionDate = scheduledDeletionDate;
    b.currentVersion = currentVersion;
    b.rotationEnabled = rotationEnabled;
    b.rotationInterval = rotationInterval;
    b.lastRotation = lastRotation;
    b.rotations = rotations;
    b.nextRotation = nextRotation;
    b.materialExpiration = materialExpiration;
    b.materialCheck = materialCheck;
    return b;
  }

  /** A copy with another state. */
  public KeyRow withState(String newState) {
    return toBuilder().state(newState).build();
  }

  /** Named construction of a {@link KeyRow}. */
  public static final class Builder {
    private String keyId;
    private String projectId;
    private String domainId;
    private String alias;
    private String spec;
    private String usage;
    private String description = "";
    private String origin = "kms";
    private String state;
    private String enterpriseProjectId = "0";
    private boolean defaultKey;
    private long creationDate;
    private Long scheduledDeletionDate;
    private int currentVersion = 1;
    private boolean rotationEnabled;
    private int rotationInterval = DEFAULT_ROTATION_INTERVAL;
    private Long lastRotation;
    private int rotations;
    private Long nextRotation;
    private Long materialExpiration;
    private String materialCheck;

    private Builder() {}

    public Builder keyId(String v) {
      keyId = v;
      return this;
    }

    public Builder projectId(String v) {
      projectId = v;
      return this;
    }

    public Builder domainId(String v) {
      domainId = v;
      return this;
    }

    public Builder alias(String v) {
      alias = v;
      return this;
    }

    public Builder spec(String v) {
      spec = v;
      return this;
    }

    public Builder usage(String v) {
      usage = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder origin(String v) {
      origin = v;
      return this;
    }

    public Builder state(String v) {
      state = v;
      return this;
    }

    public Builder enterpriseProjectId(String v) {
      enterpriseProjectId = v;
      return this;
    }

    public Builder defaultKey(boolean v) {
      defaultKey = v;
      return this;
    }

    public Builder creationDate(long v) {
      creationDate = v;
      return this;
    }

    public Builder scheduledDeletionDate(Long v) {
      scheduledDeletionDate = v;
      return this;
    }

    public Builder currentVersion(int v) {
      currentVersion = v;
      return this;
    }

    public Builder rotationEnabled(boolean v) {
      rotationEnabled = v;
      return this;
    }

    public Builder rotationInterval(int v) {
      rotationInterval = v;
      return this;
    }

    public Builder lastRotation(Long v) {
      lastRotation = v;
      return this;
    }

    public Builder rotations(int v) {
      rotations = v;
      return this;
    }

    public Builder nextRotation(Long v) {
      nextRotation = v;
      return this;
    }

    public Builder materialExpiration(Long v) {
      materialExpiration = v;
      return this;
    }

    public Builder materialCheck(String v) {
      materialCheck = v;
      return this;
    }

    public KeyRow build() {
      return new KeyRow(
          keyId,
          projectId,
          domainId,
          alias,
          spec,
          usage,
          description,
          origin,
          state,
          enterpriseProjectId,
          defaultKey,
          creationDate,
          scheduledDeletionDate,
          currentVersion,
          rotationEnabled,
          rotationInterval,
          lastRotation,
          rotations,
          nextRotation,
          materialExpiration,
          materialCheck);
    }
  }
}
