package io.keyloom.kms;

import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unwrapped primitives of one kind of key ({@link KeySpec.Kind}), per key version, typed: a
 * symmetric key's primitive can only come out of the symmetric cache. Services check a key's kind
 * and answer with its documented error code before they ask for a primitive; asking for the wrong
 * kind here is a bug and fails as one.
 *
 * @param <T> the primitive type
 */
final class Primitives<T> {
  /** Builds a primitive from unwrapped material. */
  @FunctionalInterface
  interface Factory<T> {
    T create(KeySpec spec, SecretBytes material) throws GeneralSecurityException;
  }

  /** Reads and unwraps one version's material. */
  @FunctionalInterface
  interface Source {
    SecretBytes material(LoadedKey key, int version) throws GeneralSecurityException;
  }

  private final KeySpec.Kind kind;
  private final Factory<T> factory;
  private final Map<String, T> byVersion = new ConcurrentHashMap<>();
  private final CacheStats stats;

  Primitives(KeySpec.Kind kind, Factory<T> factory, CacheStats stats) {
    this.kind = kind;
    this.factory = factory;
    this.stats = stats;
  }

  /** The primitive of one version of {@code key}, unwrapping it from {@code source} once. */
  T get(LoadedKey key, int version, Source source) {
    if (key.spec().kind() != kind) {
      throw new IllegalStateException("a " + key.spec().kind() + " key is not " + kind);
    }
    String id = key.keyId() + "#" + version;
    T cached = byVersion.get(id);
    if (cached != null) {
      stats.materialHits.increment();
      return cached;
    }
    return byVersion.computeIfAbsent(id, k -> load(key, version, source));
  }

  private T load(LoadedKey key, int version, Source source) {
    stats.materialMisses.increment();
    try {
      return factory.create(key.spec(), source.material(key, version));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  /** Forgets every version of a key. */
  void evict(String keyId) {
    byVersion.keySet().removeIf(k -> k.startsWith(keyId + "#"));
  }

  /** Forgets every key. */
  void clear() {
    byVersion.clear();
  }
}
