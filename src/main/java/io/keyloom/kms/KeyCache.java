package io.keyloom.kms;

import io.keyloom.crypto.AsymmetricCmk;
import io.keyloom.crypto.HmacCmk;
import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.crypto.SymmetricCmk;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import io.keyloom.store.AliasStore;
import io.keyloom.store.GrantStore;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key metadata and unwrapped primitives in memory, so that crypto calls on a known key touch no
 * database and no disk.
 *
 * <p>Freshness: a state change made through this node is visible at once ({@link #put}). A change
 * made by another node sharing the database is seen when the cached metadata is older than {@code
 * metadataTtl} (default 2 s), the bound documented in docs/key-cache.md. Primitives are immutable
 * per key version and are never re-read; {@link #evict} drops them when a key is destroyed, and
 * {@link #forgetMaterial} when imported material is deleted or expires (docs/key-import.md).
 *
 * <p>A key whose deletion date has passed (by {@code clock}) is reported as not found at once, even
 * before the deletion sweep has removed it from the store.
 */
public final class KeyCache {
  private final KeyRepository repository;
  private final KeyWrapper wrapper;
  private final long ttlNanos;
  private final Clock clock;
  private final Map<String, LoadedKey> metadata = new ConcurrentHashMap<>();
  private final AliasCache aliases;
  private final GrantCache grants;
  private final CacheStats stats = new CacheStats();
  private final Primitives<SymmetricCmk> symmetric =
      new Primitives<>(KeySpec.Kind.SYMMETRIC, SymmetricCmk::create, stats);
  private final Primitives<AsymmetricCmk> asymmetric =
      new Primitives<>(KeySpec.Kind.ASYMMETRIC, AsymmetricCmk::create, stats);
  private final Primitives<HmacCmk> hmac =
      new Primitives<>(KeySpec.Kind.HMAC, HmacCmk::create, stats);

  /** A cache over the repository, unwrapping material with the root key's wrapper. */
  public KeyCache(KeyRepository repository, KeyWrapper wrapper, Duration metadataTtl, Clock clock) {
    this.repository = repository;
    this.wrapper = wrapper;
    this.ttlNanos = metadataTtl.toNanos();
    this.clock = clock;
    this.aliases = new AliasCache(new AliasStore(repository.database()), metadataTtl);
    this.grants = new GrantCache(new GrantStore(repository.database()), metadataTtl);
  }

  /**
   * The key id a {@code key_id} field names: a key id, or an alias or alias URN of the caller's
   * account and region (docs/aliases.md), resolved from memory within the metadata bound.
   */
  String keyId(Project project, String keyIdField) {
    return AliasNames.named(project, keyIdField)
        .map(alias -> aliases.keyId(project, alias))
        .orElseGet(() -> Params.keyId(keyIdField));
  }

  /** Hits, misses and unwrap failures, for the metrics (docs/metrics.md). */
  public CacheStats stats() {
    return stats;
  }

  /** The alias half of this cache, for the alias operations to invalidate. */
  AliasCache aliases() {
    return aliases;
  }

  /** The grant half of this cache, for the grant operations to invalidate. */
  GrantCache grants() {
    return grants;
  }

  /** The AAD binding wrapped material to its key id and version. */
  static byte[] materialAad(String keyId, int version) {
    return ("cmk:" + keyId + ":" + version).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The key if it exists in the project, else {@code KMS.0207}: another project's key, or one past
   * its deletion date, is indistinguishable from a missing one.
   */
  LoadedKey get(String projectId, String keyId) {
    LoadedKey key = load(keyId);
    if (key == null || !key.row().projectId().equals(projectId)) {
      throw new KmsException(ErrorCode.KEY_NOT_FOUND);
    }
    return key;
  }

  /**
   * The key for an operation a grant can allow (docs/grants.md): a key of the project, or a key of
   * any project on which the caller holds a grant for {@code op}. A key on which the caller holds
   * grants, but none for {@code op}, is 403 {@code KMS.0306}; without any grant it is {@code
   * KMS.0207}, like a key that does not exist.
   */
  LoadedKey use(Project project, String keyId, GrantOperation op) {
    LoadedKey key = load(keyId);
    if (key == null) {
      throw new KmsException(ErrorCode.KEY_NOT_FOUND);
    }
    if (key.row().projectId().equals(project.id())) {
      return key;
    }
    Set<GrantOperation> granted = grants.operations(keyId, project.requester());
    if (granted.isEmpty()) {
      throw new KmsException(ErrorCode.KEY_NOT_FOUND);
    }
    if (!granted.contains(op)) {
      throw new KmsException(ErrorCode.KEY_ACCESS_DENIED);
    }
    return key;
  }

  /** Whether the key exists, in the project. */
  boolean inProject(String projectId, String keyId) {
    LoadedKey key = load(keyId);
    return key != null && key.row().projectId().equals(projectId);
  }

  /** The key's fresh metadata, or null when it does not exist or is past its deletion date. */
  private LoadedKey load(String keyId) {
    LoadedKey key = metadata.get(keyId);
    if (key != null && System.nanoTime() - key.loadedAtNanos() <= ttlNanos) {
      stats.metadataHits.increment();
    } else {
      stats.metadataMisses.increment();
      key = repository.find(keyId).map(this::put).orElse(null);
      if (key == null) {
        evict(keyId);
      }
    }
    return key == null || isDue(key.row()) ? null : key;
  }

  private boolean isDue(KeyRow row) {
    Long deletion = row.scheduledDeletionDate();
    return deletion != null && deletion <= clock.millis();
  }

  /** Records metadata just written by this node. */
  LoadedKey put(KeyRow row) {
    LoadedKey key = new LoadedKey(row, System.nanoTime());
    metadata.put(row.keyId(), key);
    return key;
  }

  /** Forgets a destroyed key: its metadata and every unwrapped version. */
  void evict(String keyId) {
    metadata.remove(keyId);
    grants.forget(keyId);
    symmetric.evict(keyId);
    asymmetric.evict(keyId);
    hmac.evict(keyId);
  }

  /**
   * Forgets the unwrapped primitives of every version of a key whose material was deleted or
   * replaced (imported material, docs/key-import.md), and its metadata, so that this node stops
   * using the material at once and reads the key's new state on its next use.
   */
  void forgetMaterial(String keyId) {
    evict(keyId);
  }

  /** Forgets every key: after the emulator's reset destroyed them all. */
  void clear() {
    metadata.clear();
    aliases.clear();
    grants.clear();
    symmetric.clear();
    asymmetric.clear();
    hmac.clear();
  }

  /** The symmetric primitive of one version of a key. */
  SymmetricCmk symmetric(LoadedKey key, int version) {
    return symmetric.get(key, version, this::unwrap);
  }

  /** Seals {@code plaintext} in the symmetric envelope of the key's current version. */
  byte[] sealWithCurrentVersion(LoadedKey key, byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    int version = key.row().currentVersion();
    return symmetric(key, version).encrypt(key.keyId(), version, plaintext, associatedData);
  }

  /** The asymmetric primitive of a key's current version. */
  AsymmetricCmk asymmetric(LoadedKey key) {
    return asymmetric.get(key, key.row().currentVersion(), this::unwrap);
  }

  /** The HMAC primitive of a key's current version. */
  HmacCmk hmac(LoadedKey key) {
    return hmac.get(key, key.row().currentVersion(), this::unwrap);
  }

  /**
   * The unwrapped material of one version; a version without material (deleted imported material)
   * reads as an invalid ciphertext.
   */
  private SecretBytes unwrap(LoadedKey key, int version) throws GeneralSecurityException {
    byte[] wrapped =
        repository
            .findMaterial(key.keyId(), version)
            .orElseThrow(() -> KmsException.invalid("cipher_text"));
    try {
      return wrapper.unwrap(wrapped, materialAad(key.keyId(), version));
    } catch (GeneralSecurityException | RuntimeException e) {
      stats.unwrapFailures.increment();
      throw e;
    }
  }
}
