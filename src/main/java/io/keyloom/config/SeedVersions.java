package io.keyloom.config;

import io.keyloom.crypto.KeySpec;
import java.util.List;

/** The rotation rules of a seed key: {@code rotation} and {@code versions} (docs/seed-keys.md). */
final class SeedVersions {
  /** More versions than a seed plausibly needs; bounds the work of a start. */
  static final int MAX_VERSIONS = 100;

  private SeedVersions() {}

  /**
   * Checks rotation and versions against the spec and each other; returns the versions as an
   * unmodifiable list, or null when none are declared.
   */
  static List<SeedMaterial> check(
      KeySpec spec, SeedMaterial material, SeedRotation rotation, List<SeedMaterial> versions) {
    if (rotation != null && !spec.isSymmetric()) {
      throw new SeedFieldException(
          "rotation", "only symmetric keys (AES_256, SM4) rotate, not " + spec);
    }
    if (versions == null) {
      return null;
    }
    if (!spec.isSymmetric()) {
      throw new SeedFieldException(
          "versions", "only symmetric keys (AES_256, SM4) have versions, not " + spec);
    }
    if (material != null) {
      throw new SeedFieldException(
          "versions", "declare either material or versions (the material of every version)");
    }
    if (versions.isEmpty() || versions.size() > MAX_VERSIONS) {
      throw new SeedFieldException(
          "versions", "versions must list 1 to " + MAX_VERSIONS + " materials, oldest first");
    }
    for (int i = 0; i < versions.size(); i++) {
      if (versions.get(i) == null) {
        throw new SeedFieldException("versions[" + i + "]", "key material is empty");
      }
      SeedKey.checkMaterial(spec, "versions[" + i + "]", versions.get(i));
    }
    return List.copyOf(versions);
  }
}
