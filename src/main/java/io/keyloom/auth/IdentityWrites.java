package io.keyloom.auth;

import io.keyloom.config.Seed;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.AccessKeyRow;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.UserRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The idempotent writes of identities behind {@link IdentityAdmin}: each {@code ensure} method
 * finds the row by name or inserts it, so that applying a seed twice changes nothing. A seeded
 * password or secret that differs from the stored one replaces it (the seed file is the operator's
 * source of truth), and the directory's caches forget the old one.
 */
final class IdentityWrites {
  private final IdentityRepository repository;
  private final IdentityDirectory directory;
  private final KeyWrapper wrapper;
  private final SeedPasswords passwords;
  private final SecureRandom random;

  IdentityWrites(
      IdentityRepository repository,
      IdentityDirectory directory,
      KeyWrapper wrapper,
      SeedPasswords passwords,
      SecureRandom random) {
    this.repository = repository;
    this.directory = directory;
    this.wrapper = wrapper;
    this.passwords = passwords;
    this.random = random;
  }

  /** Applies every domain, project, user and access key of the seed. */
  void apply(Seed seed) {
    for (Seed.Domain d : seed.domains()) {
      DomainRow domain = ensureDomain(d);
      for (Seed.Project p : d.projects()) {
        ensureProject(domain, p);
      }
      for (Seed.User u : d.users()) {
        UserRow user = ensureUser(domain, u, true);
        for (Seed.AccessKey k : u.accessKeys()) {
          ensureAccessKey(user, k);
        }
      }
    }
  }

  DomainRow ensureDomain(Seed.Domain d) {
    Optional<DomainRow> existing = repository.findDomainByName(d.name());
    if (existing.isPresent()) {
      requireSameId("domain " + d.name(), d.id(), existing.get().id());
      return existing.get();
    }
    DomainRow row = new DomainRow(d.id() != null ? d.id() : newId(), d.name());
    repository.insertDomain(row);
    return row;
  }

  ProjectRow ensureProject(DomainRow domain, Seed.Project p) {
    Optional<ProjectRow> existing = repository.findProject(domain.id(), p.name());
    if (existing.isPresent()) {
      requireSameId("project " + p.name(), p.id(), existing.get().id());
      return existing.get();
    }
    ProjectRow row = new ProjectRow(p.id() != null ? p.id() : newId(), domain.id(), p.name());
    repository.insertProject(row);
    return row;
  }

  /** A seeded user's unchanged password costs no Argon2 run (docs/start-time.md). */
  UserRow ensureUser(DomainRow domain, Seed.User u, boolean seeded) {
    Optional<UserRow> existing = repository.findUser(domain.id(), u.name());
    if (existing.isEmpty()) {
      String id = newId();
      SeedPasswords.Stored pw =
          seeded ? passwords.seeded(id, u.password()) : passwords.unseeded(u.password());
      UserRow row = new UserRow(id, domain.id(), u.name(), pw.hash(), pw.seedCheck());
      repository.insertUser(row);
      return row;
    }
    UserRow user = existing.get();
    Optional<SeedPasswords.Stored> change = passwords.reseed(user, u.password());
    if (change.isPresent()) {
      repository.updatePasswordHash(user.id(), change.get().hash(), change.get().seedCheck());
      directory.invalidateUser(user.id());
    }
    return user;
  }

  private void ensureAccessKey(UserRow user, Seed.AccessKey k) {
    Optional<AccessKeyRow> existing = repository.findAccessKey(k.access());
    if (existing.isPresent()) {
      if (!existing.get().userId().equals(user.id())) {
        throw new IllegalArgumentException("access key " + k.access() + " belongs to another user");
      }
      SecretBytes stored = directory.secretOf(existing.get());
      if (stored.equalsSecretBytes(SecretBytes.copyOf(utf8(k.secret())))) {
        return;
      }
      repository.deleteAccessKey(k.access());
      directory.invalidateAccessKey(k.access());
    }
    repository.insertAccessKey(new AccessKeyRow(k.access(), user.id(), wrap(k)));
  }

  /** The access key's secret wrapped under the root key, bound to its AK. */
  byte[] wrap(Seed.AccessKey k) {
    try {
      return wrapper.wrap(
          SecretBytes.copyOf(utf8(k.secret())), IdentityDirectory.secretAad(k.access()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot wrap access key secret", e);
    }
  }

  private static void requireSameId(String what, String wanted, String actual) {
    if (wanted != null && !wanted.equals(actual)) {
      throw new IllegalArgumentException(
          what + " already exists with id " + actual + ", not " + wanted);
    }
  }

  private String newId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
