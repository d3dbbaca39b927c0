package io.keyloom.kms;

import io.keyloom.crypto.GivenMaterial;
import io.keyloom.crypto.KeyMaterials;
import io.keyloom.crypto.KeySpec;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.error.ErrorCode;
import io.keyloom.error.KmsException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * New key material, handed out only wrapped under the root key and bound to its key id and version
 * ({@link KeyCache#materialAad}); the plaintext is destroyed before this returns.
 */
public final class MaterialFactory {
  private final KeyWrapper wrapper;
  private final SecureRandom random;

  /** A factory drawing material from {@code random} and wrapping it with the root key. */
  public MaterialFactory(KeyWrapper wrapper, SecureRandom random) {
    this.wrapper = wrapper;
    this.random = random;
  }

  /**
   * Material the operator supplied (already checked against the spec, {@link
   * io.keyloom.crypto.GivenMaterial}), wrapped for storage as version {@code version}.
   */
  byte[] wrapGiven(SecretBytes material, String keyId, int version) {
    try {
      return wrapper.wrap(material, KeyCache.materialAad(keyId, version));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    }
  }

  /** Whether stored wrapped material of a key version is the same key as {@code material}. */
  boolean isSameKey(KeySpec spec, byte[] wrapped, String keyId, int version, SecretBytes material) {
    SecretBytes stored = null;
    try {
      stored = wrapper.unwrap(wrapped, KeyCache.materialAad(keyId, version));
      return GivenMaterial.sameKey(spec, stored, material);
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    } finally {
      if (stored != null) {
        stored.destroy();
      }
    }
  }

  /** Fresh material for {@code spec}, wrapped for storage as version {@code version}. */
  byte[] newWrapped(KeySpec spec, String keyId, int version) {
    SecretBytes material = null;
    try {
      material = KeyMaterials.generate(spec, random);
      return wrapper.wrap(material, KeyCache.materialAad(keyId, version));
    } catch (GeneralSecurityException e) {
      throw new KmsException(ErrorCode.INTERNAL, e);
    } finally {
      if (material != null) {
        material.destroy();
      }
    }
  }
}
