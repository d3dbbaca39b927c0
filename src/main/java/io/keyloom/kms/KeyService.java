package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyDetails;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.kms.api.KeyResponses;
import io.keyloom.kms.api.SignResponses;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import io.keyloom.store.StoreException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Key lifecycle: create, describe, enable, disable, rename, re-describe, public key. */
public final class KeyService {
  private final KeyRepository repository;
  private final KeyCache cache;
  private final MaterialFactory materials;
  private final Clock clock;
  private final int keyQuota;

  /**
   * A service over the repository and cache.
   *
   * @param keyQuota how many keys a project may hold ({@code KMS.1105} beyond), docs/quotas.md
   */
  public KeyService(
      KeyRepository repository,
      KeyCache cache,
      MaterialFactory materials,
      Clock clock,
      int keyQuota) {
    this.repository = repository;
    this.cache = cache;
    this.materials = materials;
    this.clock = clock;
    this.keyQuota = keyQuota;
  }

  /**
   * Creates a key; the response is sent only after the key is durably stored. The store checks the
   * project's quota in the same transaction as the insert, so concurrent creates cannot exceed it.
   */
  public KeyResponses.CreateKey create(Project project, KeyRequests.CreateKey request) {
    NewKey spec = NewKey.validate(request);
    if (repository.aliasExists(project.id(), spec.alias())) {
      throw new KmsException(ErrorCode.ALIAS_EXISTS);
    }
    String keyId = UUID.randomUUID().toString();
    KeyRow row = newRow(project, spec, keyId);
    Optional<byte[]> material =
        spec.external()
            ? Optional.empty()
            : Optional.of(materials.newWrapped(spec.spec(), keyId, row.currentVersion()));
    try {
      if (!repository.insert(row, material, keyQuota)) {
        throw new KmsException(ErrorCode.KEY_QUOTA_REACHED);
      }
    } catch (StoreException.Duplicate e) {
      throw new KmsException(ErrorCode.ALIAS_EXISTS);
    }
    cache.put(row);
    return new KeyResponses.CreateKey(new KeyResponses.KekInfo(keyId, project.domainId()));
  }

  /** The row of a new key: version 1, enabled, or pending import for external material. */
  private KeyRow newRow(Project project, NewKey spec, String keyId) {
    return KeyRow.builder()
        .keyId(keyId)
        .projectId(project.id())
        .domainId(project.domainId())
        .alias(spec.alias())
        .spec(spec.spec().name())
        .usage(spec.usage().name())
        .description(spec.description())
        .origin(spec.external() ? "external" : "kms")
        .state((spec.external() ? KeyState.PENDING_IMPORT : KeyState.ENABLED).wire())
        .enterpriseProjectId(spec.enterpriseProjectId())
        .defaultKey(false)
        .creationDate(clock.millis())
        .scheduledDeletionDate(null)
        .currentVersion(1)
        .build();
  }

  /** Describes a key in any state. */
  public KeyResponses.DescribeKey describe(Project project, KeyRequests.KeyId request) {
    Params.sequence(request.sequence());
    String keyId = cache.keyId(project, request.keyId());
    LoadedKey key = cache.use(project, keyId, GrantOperation.DESCRIBE_KEY);
    String realm =
        key.row().projectId().equals(project.id())
            ? project.name()
            : repository.projectName(key.row().projectId()).orElse("");
    return new KeyResponses.DescribeKey(details(realm, key.row()));
  }

  /** Enables a disabled key ({@code KMS.1201} otherwise). */
  public KeyResponses.KeyState enable(Project project, KeyRequests.KeyId request) {
    return transition(
        project, request, KeyState.DISABLED, KeyState.ENABLED, ErrorCode.KEY_NOT_DISABLED);
  }

  /** Disables an enabled key ({@code KMS.1301} otherwise). */
  public KeyResponses.KeyState disable(Project project, KeyRequests.KeyId request) {
    return transition(
        project, request, KeyState.ENABLED, KeyState.DISABLED, ErrorCode.KEY_NOT_ENABLED);
  }

  /**
   * Renames a key that is not pending deletion ({@code KMS.0210}) and not a default key ({@code
   * KMS.0211}); the alias follows the create-key rules and is unique in the project ({@code
   * KMS.1104}).
   */
  public KeyResponses.UpdateKeyAlias updateAlias(
      Project project, KeyRequests.UpdateKeyAlias request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    String alias = NewKey.alias(request.keyAlias());
    requireEditable(cache.get(project.id(), keyId));
    try {
      if (!repository.updateAlias(keyId, alias, KeyState.PENDING_DELETION.wire())) {
        refusedEdit(project, keyId);
      }
    } catch (StoreException.Duplicate e) {
      throw new KmsException(ErrorCode.ALIAS_EXISTS);
    }
    refresh(keyId);
    return new KeyResponses.UpdateKeyAlias(new KeyResponses.KeyAliasInfo(keyId, alias));
  }

  /** Changes the description (0–255 characters) under the same rules as {@link #updateAlias}. */
  public KeyResponses.UpdateKeyDescription updateDescription(
      Project project, KeyRequests.UpdateKeyDescription request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    if (request.keyDescription() == null) {
      throw KmsException.missing("key_description");
    }
    String description = NewKey.description(request.keyDescription());
    requireEditable(cache.get(project.id(), keyId));
    if (!repository.updateDescription(keyId, description, KeyState.PENDING_DELETION.wire())) {
      refusedEdit(project, keyId);
    }
    refresh(keyId);
    return new KeyResponses.UpdateKeyDescription(
        new KeyResponses.KeyDescriptionInfo(keyId, description));
  }

  /** The PEM public key of an enabled asymmetric key. */
  public SignResponses.PublicKey publicKey(Project project, KeyRequests.KeyId request) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    switch (key.spec().kind()) {
      case SYMMETRIC -> throw new KmsException(ErrorCode.SYMMETRIC_NOT_SUPPORTED);
      case HMAC -> throw new KmsException(ErrorCode.HMAC_NOT_SUPPORTED);
      case ASYMMETRIC -> {}
    }
    key.state().requireUsable();
    return new SignResponses.PublicKey(key.keyId(), cache.asymmetric(key).publicKeyPem());
  }

  private static void requireEditable(LoadedKey key) {
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    if (key.state() == KeyState.PENDING_DELETION) {
      throw new KmsException(ErrorCode.KEY_PENDING_DELETION);
    }
  }

  /** The store refused an edit: the key was scheduled for deletion or destroyed meanwhile. */
  private void refusedEdit(Project project, String keyId) {
    refresh(keyId);
    requireEditable(cache.get(project.id(), keyId));
    throw new KmsException(ErrorCode.KEY_PENDING_DELETION);
  }

  private void refresh(String keyId) {
    repository.find(keyId).ifPresentOrElse(cache::put, () -> cache.evict(keyId));
  }

  private KeyResponses.KeyState transition(
      Project project,
      KeyRequests.KeyId request,
      KeyState from,
      KeyState to,
      ErrorCode wrongState) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    if (key.state() != from
        || !repository.compareAndSetState(key.keyId(), from.wire(), to.wire())) {
      refresh(key.keyId());
      throw new KmsException(wrongState);
    }
    cache.put(key.row().withState(to.wire()));
    return new KeyResponses.KeyState(new KeyResponses.KeyStatusInfo(key.keyId(), to.wire()));
  }

  static KeyDetails details(Project project, KeyRow k) {
    return details(project.name(), k);
  }

  /** A key's details, in its project's region {@code realm}. */
  static KeyDetails details(String realm, KeyRow k) {
    return KeyDetails.builder()
        .keyId(k.keyId())
        .domainId(k.domainId())
        .keyAlias(k.alias())
        .realm(realm)
        .keySpec(k.spec())
        .keyUsage(k.usage())
        .keyDescription(k.description())
        .creationDate(Long.toString(k.creationDate()))
        .scheduledDeletionDate(millis(k.scheduledDeletionDate()))
        .keyState(k.state())
        .defaultKeyFlag(k.defaultKey() ? "1" : "0")
        .keyType(KeySpec.valueOf(k.spec()).keyType())
        .expirationTime(millis(k.materialExpiration()))
        .origin(k.origin())
        .keyRotationEnabled(Boolean.toString(k.rotationEnabled()))
        .sysEnterpriseProjectId(k.enterpriseProjectId())
        .keystoreId("0")
        .build();
  }

  /** An instant as Huawei's string of epoch milliseconds, empty when there is none. */
  private static String millis(Long instant) {
    return instant == null ? "" : Long.toString(instant);
  }
}
