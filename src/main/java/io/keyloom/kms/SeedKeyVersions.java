package io.keyloom.kms;

import io.keyloom.config.SeedKey;
import io.keyloom.config.SeedMaterial;
import io.keyloom.config.SeedRotation;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rotation part of seeding (docs/seed-keys.md): declared versions and rotation settings. A
 * declared {@code rotation} is enforced at every start; an undeclared one is left as the API set
 * it. Declared versions are created with the key and must match at every later start; a key that
 * has rotated beyond them keeps its newer versions.
 */
final class SeedKeyVersions {
  private final KeyRepository repository;
  private final KeyRotations rotations;
  private final MaterialFactory materials;

  SeedKeyVersions(KeyRepository repository, KeyRotations rotations, MaterialFactory materials) {
    this.repository = repository;
    this.rotations = rotations;
    this.materials = materials;
  }

  /** How many versions a new seeded key starts with. */
  static int versionCount(SeedKey key) {
    return key.versions() == null ? 1 : key.versions().size();
  }

  /**
   * A new key's rotation fields: versions beyond the first count as rotations made at creation, and
   * a declared rotation is on from creation (due one interval later).
   */
  static KeyRow.Builder rotation(KeyRow.Builder row, SeedKey key, long now) {
    int versions = versionCount(key);
    row.currentVersion(versions).rotations(versions - 1).lastRotation(versions > 1 ? now : null);
    SeedRotation r = key.rotation();
    if (r != null) {
      row.rotationEnabled(r.enabled())
          .rotationInterval(r.interval())
          .nextRotation(r.enabled() ? now + Duration.ofDays(r.interval()).toMillis() : null);
    }
    return row;
  }

  /** Creates a key with every declared version, in one transaction. */
  void create(KeyRow row, SeedKey key) {
    List<byte[]> wrapped = new ArrayList<>();
    for (int i = 0; i < key.versions().size(); i++) {
      wrapped.add(materials.wrapGiven(key.versions().get(i).bytes(), key.id(), i + 1));
    }
    rotations.insertWithVersions(row, wrapped);
  }

  /**
   * Throws a {@link SeedKeys.Conflict} naming the first declared version whose stored material
   * differs, or that the key does not have.
   */
  void check(SeedKeys.Declared d, KeyRow row) {
    SeedKey key = d.key();
    int mismatch = key.versions() == null ? -1 : firstMismatch(row, key);
    if (mismatch >= 0) {
      String problem =
          mismatch < row.currentVersion()
              ? " exists with other material for version " + (mismatch + 1)
              : " exists with " + row.currentVersion() + " versions; a seed cannot add one";
      throw new SeedKeys.Conflict(d, "versions[" + mismatch + "]", "key " + key.id() + problem);
    }
  }

  /** The first declared version whose stored material differs (or is missing), else -1. */
  private int firstMismatch(KeyRow row, SeedKey key) {
    List<SeedMaterial> versions = key.versions();
    for (int i = 0; i < versions.size(); i++) {
      int version = i + 1;
      byte[] stored = repository.findMaterial(row.keyId(), version).orElse(null);
      if (stored == null
          || !materials.isSameKey(
              key.keySpec(), stored, row.keyId(), version, versions.get(i).bytes())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Makes an existing key's rotation settings those declared, writing only when they differ.
   *
   * @return whether anything was written
   */
  boolean settle(KeyRow row, SeedKey key) {
    SeedRotation r = key.rotation();
    if (r == null
        || (row.rotationEnabled() == r.enabled() && row.rotationInterval() == r.interval())) {
      return false;
    }
    Long next = r.enabled() ? KeyRotator.nextRotation(row, r.interval()) : null;
    rotations.settle(row.keyId(), r.enabled(), r.interval(), next);
    return true;
  }
}
