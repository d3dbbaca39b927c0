package io.keyloom.kms;

import io.keyloom.crypto.KeyMaterials;
import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.KeyDetails;
import io.keyloom.kms.api.Requests;
import io.keyloom.kms.api.Responses;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import io.keyloom.store.StoreException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Key lifecycle: create, describe, enable, disable, public key. */
public final class KeyService {
  private final KeyRepository repository;
  private final KeyCache cache;
  private final KeyWrapper wrapper;
  private final SecureRandom random;
  private final Clock clock;

  /** A service over the repository and cache. */
  public KeyService(
      KeyRepository repository,
      KeyCache cache,
      KeyWrapper wrapper,
      SecureRandom random,
      Clock clock) {
    this.repository = repository;
    this.cache = cache;
    this.wrapper = wrapper;
    this.random = random;
    this.clock = clock;
  }

  /** Creates a key; the response is sent only after the key is durably stored. */
  public Responses.CreateKey create(Project project, Requests.CreateKey request) {
    NewKey spec = NewKey.validate(request);
    if (repository.aliasExists(project.id(), spec.alias())) {
      throw new KmsException(ErrorCode.ALIAS_EXISTS);
    }
    String keyId = UUID.randomUUID().toString();
    KeyRow row =
        new KeyRow(
            keyId,
            project.id(),
            project.domainId(),
            spec.alias(),
            spec.spec().name(),
            spec.usage().name(),
            spec.description(),
            spec.external() ? "external" : "kms",
            (spec.external() ? KeyState.PENDING_IMPORT : KeyState.ENABLED).wire(),
            spec.enterpriseProjectId(),
            false,
            clock.millis(),
            null,
            1);
    Optional<byte[]> material =
        spec.external() ? Optional.empty() : Optional.of(newMaterial(spec.spec(), row));
    try {
      repository.insert(row, material);
    } catch (StoreException.Duplicate e) {
      throw new KmsException(ErrorCode.ALIAS_EXISTS);
    }
    cache.put(row);
    return new Responses.CreateKey(new Responses.KekInfo(keyId, project.domainId()));
  }

  /** Describes a key in any state. */
  public Responses.DescribeKey describe(Project project, Requests.KeyId request) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    return new Responses.DescribeKey(details(project, key.row()));
  }

  /** Enables a disabled key ({@code KMS.1201} otherwise). */
  public Responses.KeyState enable(Project project, Requests.KeyId request) {
    return transition(
        project, request, KeyState.DISABLED, KeyState.ENABLED, ErrorCode.KEY_NOT_DISABLED);
  }

  /** Disables an enabled key ({@code KMS.1301} otherwise). */
  public Responses.KeyState disable(Project project, Requests.KeyId request) {
    return transition(
        project, request, KeyState.ENABLED, KeyState.DISABLED, ErrorCode.KEY_NOT_ENABLED);
  }

  /** The PEM public key of an enabled asymmetric key. */
  public Responses.PublicKey publicKey(Project project, Requests.KeyId request) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    if (key.spec().isSymmetric()) {
      throw new KmsException(ErrorCode.SYMMETRIC_NOT_SUPPORTED);
    }
    key.state().requireUsable();
    return new Responses.PublicKey(key.keyId(), cache.asymmetric(key).publicKeyPem());
  }

  private Responses.KeyState transition(
      Project project, Requests.KeyId request, KeyState from, KeyState to, ErrorCode wrongState) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    if (key.row().defaultKey()) {
      throw new KmsException(ErrorCode.DEFAULT_KEY);
    }
    if (key.state() != from
        || !repository.compareAndSetState(key.keyId(), from.wire(), to.wire())) {
      cache.put(repository.find(key.keyId()).orElseThrow());
      throw new KmsException(wrongState);
    }
    cache.put(key.row().withState(to.wire()));
    return new Responses.KeyState(new Responses.KeyStatusInfo(key.keyId(), to.wire()));
  }

  private byte[] newMaterial(KeySpec keySpec, KeyRow row) {
    SecretBytes material = null;
    try {
      material = KeyMaterials.generate(keySpec, random);
      return wrapper.wrap(material, KeyCache.materialAad(row.keyId(), row.currentVersion()));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    } finally {
      if (material != null) {
        material.destroy();
      }
    }
  }

  static KeyDetails details(Project project, KeyRow k) {
    return new KeyDetails(
        k.keyId(),
        k.domainId(),
        k.alias(),
        project.name(),
        k.spec(),
        k.usage(),
        k.description(),
        Long.toString(k.creationDate()),
        k.scheduledDeletionDate() == null ? "" : Long.toString(k.scheduledDeletionDate()),
        k.state(),
        k.defaultKey() ? "1" : "0",
        KeySpec.valueOf(k.spec()).isSymmetric() ? "1" : "2",
        "",
        k.origin(),
        "false",
        k.enterpriseProjectId(),
        "0");
  }
}
