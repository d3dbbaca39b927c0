package io.keyloom.kms;

import io.keyloom.config.SeedKey;
import io.keyloom.store.KeyRepository;
import io.keyloom.store.KeyRotations;
import io.keyloom.store.KeyRow;
import io.keyloom.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes the keys a seed file declares exist as declared (docs/seed-keys.md). A key is identified by
 * its id: a new one is created (with the given material, or fresh material once); an existing one
 * must have the declared project, spec, usage and (when given) material, else {@link Conflict}; its
 * alias, description and state follow the seed, written only when they differ.
 *
 * <p>Seeded keys count toward the key quota of create-key, but the quota never refuses them: the
 * operator declared them.
 */
public final class SeedKeys {
  private static final int FIRST_VERSION = 1;
  private final KeyRepository repository;
  private final KeyCache cache;
  private final MaterialFactory materials;
  private final SeedKeyVersions versions;
  private final Clock clock;

  /**
   * A seed key in its project.
   *
   * @param where the key's field path in the seed file, e.g. {@code domains[0].projects[0].keys[2]}
   * @param project the project, or null while it does not exist yet (before identities are applied)
   * @param key the declaration
   */
  public record Declared(String where, Project project, SeedKey key) {}

  /** A declaration that contradicts the store; the message never holds material. */
  public static final class Conflict extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String path;

    Conflict(Declared d, String field, String message) {
      super(message);
      this.path = d.where() + "." + field;
    }

    /** The conflicting field's path in the seed file, e.g. {@code ...keys[2].spec}. */
    public String path() {
      return path;
    }
  }

  /** Seeding over the repository, keeping the node's key cache coherent. */
  public SeedKeys(
      KeyRepository repository,
      KeyRotations rotations,
      KeyCache cache,
      MaterialFactory materials,
      Clock clock) {
    this.repository = repository;
    this.cache = cache;
    this.materials = materials;
    this.versions = new SeedKeyVersions(repository, rotations, materials);
    this.clock = clock;
  }

  /** Throws the first {@link Conflict} among the declarations; writes nothing. */
  public void check(List<Declared> keys) {
    keys.forEach(d -> check(d, repository.find(d.key().id())));
  }

  /** Checks every declaration, then creates or updates each key. */
  public void apply(List<Declared> keys) {
    check(keys);
    for (Declared d : keys) {
      Optional<KeyRow> existing = repository.find(d.key().id());
      check(d, existing);
      try {
        existing.ifPresentOrElse(row -> update(d, row), () -> create(d));
      } catch (StoreException.Duplicate e) { // taken meanwhile by a create-key
        throw new Conflict(d, "alias", "key alias is already used by another key in the project");
      }
    }
  }

  private void check(Declared d, Optional<KeyRow> existing) {
    SeedKey key = d.key();
    if (existing.isPresent()) {
      KeyRow row = existing.get();
      if (d.project() == null || !row.projectId().equals(d.project().id())) {
        throw new Conflict(d, "id", "key id already exists in another project");
      }
      if (row.defaultKey() || !"kms".equals(row.origin())) {
        throw new Conflict(d, "id", "key id belongs to a service default or imported key");
      }
      if (!row.spec().equals(key.spec())) {
        throw new Conflict(d, "spec", "key " + key.id() + " exists with key spec " + row.spec());
      }
      if (!row.usage().equals(key.usage())) {
        throw new Conflict(d, "usage", "key " + key.id() + " exists with key usage " + row.usage());
      }
      if (key.material() != null && !sameMaterial(row, key)) {
        throw new Conflict(
            d, "material", "key " + key.id() + " exists with other material, which cannot change");
      }
      versions.check(d, row);
    }
    if (d.project() != null) {
      Optional<String> owner = repository.aliasOwner(d.project().id(), key.alias());
      if (owner.isPresent() && !owner.get().equals(key.id())) {
        throw new Conflict(d, "alias", "key alias is already used by key " + owner.get());
      }
    }
  }

  /** Declared material is version 1's: a key that rotated since still has it. */
  private boolean sameMaterial(KeyRow row, SeedKey key) {
    byte[] wrapped = repository.findMaterial(row.keyId(), FIRST_VERSION).orElse(null);
    return wrapped != null
        && materials.isSameKey(
            key.keySpec(), wrapped, row.keyId(), FIRST_VERSION, key.material().bytes());
  }

  private void create(Declared d) {
    SeedKey key = d.key();
    long now = clock.millis();
    KeyRow.Builder builder =
        KeyRow.builder()
            .keyId(key.id())
            .projectId(d.project().id())
            .domainId(d.project().domainId())
            .alias(key.alias())
            .spec(key.spec())
            .usage(key.usage())
            .description(key.description())
            .origin("kms")
            .state(state(key).wire())
            .enterpriseProjectId("0")
            .defaultKey(false)
            .creationDate(now)
            .scheduledDeletionDate(null);
    KeyRow row = SeedKeyVersions.rotation(builder, key, now).build();
    if (key.versions() != null) {
      versions.create(row, key);
    } else {
      byte[] wrapped =
          key.material() == null
              ? materials.newWrapped(key.keySpec(), key.id(), FIRST_VERSION)
              : materials.wrapGiven(key.material().bytes(), key.id(), FIRST_VERSION);
      repository.insert(row, Optional.of(wrapped), Integer.MAX_VALUE);
    }
    cache.put(row);
  }

  private void update(Declared d, KeyRow row) {
    SeedKey key = d.key();
    String state = state(key).wire();
    boolean settled = versions.settle(row, key);
    if (row.alias().equals(key.alias())
        && row.description().equals(key.description())
        && row.state().equals(state)
        && Objects.isNull(row.scheduledDeletionDate())) {
      if (settled) {
        repository.find(row.keyId()).ifPresent(cache::put);
      }
      return; // otherwise as declared: no write
    }
    repository.reseed(row.keyId(), key.alias(), key.description(), state);
    repository.find(row.keyId()).ifPresent(cache::put);
  }

  private static KeyState state(SeedKey key) {
    return key.enabled() ? KeyState.ENABLED : KeyState.DISABLED;
  }
}
