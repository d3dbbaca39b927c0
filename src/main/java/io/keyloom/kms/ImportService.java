package io.keyloom.kms;

import io.keyloom.crypto.EncryptionAlgorithm;
import io.keyloom.crypto.ImportToken;
import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.MaterialCheck;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.WrappingKey;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.kms.api.ImportRequests;
import io.keyloom.kms.api.ImportResponses;
import io.keyloom.kms.api.KeyRequests;
import io.keyloom.store.ImportedMaterial;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * BYOK import (docs/key-import.md, huawei-kms-api.md §3.21–3.23): wrapping parameters, import of
 * wrapped material into an external key, and deletion of imported symmetric material.
 */
public final class ImportService {
  /** How long a wrapping key and its import token work. */
  static final Duration TOKEN_VALIDITY = Duration.ofHours(24);

  private final KeyCache cache;
  private final ImportedMaterial store;
  private final MaterialFactory materials;
  private final ImportSecrets secrets;
  private final Clock clock;

  /** A service over the cache and store; {@code clock} dates tokens and material expiry. */
  public ImportService(
      KeyCache cache,
      ImportedMaterial store,
      MaterialFactory materials,
      ImportSecrets secrets,
      Clock clock) {
    this.cache = cache;
    this.store = store;
    this.materials = materials;
    this.secrets = secrets;
    this.clock = clock;
  }

  /**
   * A fresh wrapping key and import token for an external key pending import ({@code KMS.0309},
   * {@code KMS.0310}), both valid for 24 hours.
   */
  public ImportResponses.ImportParameters parameters(
      Project project, ImportRequests.GetParametersForImport request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    EncryptionAlgorithm alg = ImportChecks.wrappingAlgorithm(request.wrappingAlgorithm());
    ImportChecks.requirePendingImport(cache.get(project.id(), keyId));
    long expires = clock.millis() + TOKEN_VALIDITY.toMillis();
    SecretBytes privateKey = null;
    try {
      privateKey = WrappingKey.generate(alg, secrets.random());
      byte[] token = secrets.tokens().seal(new ImportToken(keyId, alg, expires, privateKey));
      byte[] publicKey = WrappingKey.publicKeyDer(alg, privateKey);
      Base64.Encoder b64 = Base64.getEncoder();
      return new ImportResponses.ImportParameters(
          keyId, b64.encodeToString(token), expires / 1000, b64.encodeToString(publicKey));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    } finally {
      if (privateKey != null) {
        privateKey.destroy();
      }
    }
  }

  /**
   * Imports wrapped material into an external key pending import; the key becomes enabled. Every
   * refusal of huawei-kms-api.md §3.22 has its code; nothing is written unless all checks pass.
   */
  public Void importMaterial(Project project, ImportRequests.ImportKeyMaterial request) {
    Params.sequence(request.sequence());
    String keyId = Params.keyId(request.keyId());
    byte[] token = ImportChecks.tokenBytes(request.importToken());
    byte[] wrapped = ImportedKeyMaterial.wrappedMaterial(request.encryptedKeyMaterial());
    byte[] privateKey = ImportedKeyMaterial.wrappedPrivateKey(request.encryptedPrivatekey());
    Long expiration = ImportChecks.expiration(request.expirationTime(), clock.millis());
    LoadedKey key = cache.get(project.id(), keyId);
    ImportChecks.requirePendingImport(key);
    if (expiration != null && key.spec().isAsymmetric()) {
      throw new KmsException(
          ErrorCode.INVALID_PARAMETER, "Imported asymmetric key material cannot expire.");
    }
    ImportToken opened = ImportChecks.open(secrets.tokens(), token, keyId, clock.millis());
    SecretBytes material = null;
    try {
      material = ImportedKeyMaterial.unwrap(key.spec(), opened, wrapped, privateKey);
      store(key, material, expiration);
    } finally {
      opened.wrappingKey().destroy();
      if (material != null) {
        material.destroy();
      }
    }
    return null;
  }

  private void store(LoadedKey key, SecretBytes material, Long expiration) {
    String check = checkValue(key.keyId(), key.spec(), material);
    String previous = key.row().materialCheck();
    if (previous != null && !MaterialCheck.same(previous, check)) {
      throw new KmsException(ErrorCode.IMPORT_MATERIAL_DIFFERS);
    }
    int version = key.row().currentVersion();
    byte[] wrapped = materials.wrapGiven(material, key.keyId(), version);
    ImportedMaterial.Outcome outcome =
        store.store(key.keyId(), version, wrapped, expiration, check, ImportChecks.IMPORTING);
    cache.forgetMaterial(key.keyId());
    switch (outcome) {
      case STORED -> {}
      case WRONG_STATE -> throw new KmsException(ErrorCode.KEY_NOT_PENDING_IMPORT);
      case OTHER_MATERIAL -> throw new KmsException(ErrorCode.IMPORT_MATERIAL_DIFFERS);
    }
  }

  private String checkValue(String keyId, KeySpec spec, SecretBytes material) {
    try {
      return secrets.checks().of(keyId, spec, material);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  /**
   * Deletes the imported material of an external symmetric key ({@code KMS.0309}, {@code KMS.2702})
   * that is enabled or disabled ({@code KMS.2701}); the key becomes pending import and this node
   * stops using the material at once.
   */
  public Void deleteMaterial(Project project, KeyRequests.KeyId request) {
    Params.sequence(request.sequence());
    LoadedKey key = cache.get(project.id(), Params.keyId(request.keyId()));
    ImportChecks.requireExternal(key);
    if (key.spec().isAsymmetric()) {
      throw new KmsException(ErrorCode.ASYMMETRIC_MATERIAL_NOT_DELETABLE);
    }
    KeyState state = key.state();
    if (state != KeyState.ENABLED && state != KeyState.DISABLED) {
      throw new KmsException(ErrorCode.MATERIAL_NOT_DELETABLE);
    }
    boolean deleted = store.delete(key.keyId(), ImportChecks.DELETING, KeyState.DISABLED.wire());
    cache.forgetMaterial(key.keyId());
    if (!deleted) {
      throw new KmsException(ErrorCode.MATERIAL_NOT_DELETABLE);
    }
    return null;
  }
}
