package io.keyloom.auth;

import io.keyloom.config.Seed;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.AccessKeyRow;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.Retained;
import io.keyloom.store.IdentityRows.UserRow;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity half of the emulator's reset (docs/emulator.md): removes every domain, project, user
 * and access key that the seed does not declare. Applying the seed afterwards restores what the
 * seed does declare (passwords, secrets, missing rows).
 *
 * <p>Identities the seed declares keep their rows, so their ids stay the same and tokens issued to
 * seeded users stay valid. A row is kept only when it matches the seed by name and, where the seed
 * gives one, by id; a domain the seed names with another id is removed with everything in it and
 * created again by the seed.
 */
public final class IdentityReset {
  private final IdentityRepository repository;
  private final IdentityDirectory directory;

  /** A reset over the repository, emptying the directory's caches afterwards. */
  public IdentityReset(IdentityRepository repository, IdentityDirectory directory) {
    this.repository = repository;
    this.directory = directory;
  }

  /**
   * Deletes every identity the seed does not declare. The caller has removed every key first (keys
   * refer to projects).
   *
   * @return how many identities (domains, projects, users, access keys) were removed
   */
  public int retainOnly(Seed seed) {
    Declared declared = new Declared();
    seed.domains().forEach(declared::add);
    try {
      return repository.deleteAllBut(declared.retained(repository.listAccessKeys()));
    } finally {
      directory.forgetAll();
    }
  }

  /** The stored rows that the seed declares, collected domain by domain. */
  private final class Declared {
    private final Set<String> domains = new HashSet<>();
    private final Set<String> projects = new HashSet<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, Seed.User> seedUserById = new HashMap<>();

    void add(Seed.Domain d) {
      Optional<DomainRow> row =
          repository.findDomainByName(d.name()).filter(r -> sameId(d.id(), r.id()));
      if (row.isEmpty()) {
        return;
      }
      String domainId = row.get().id();
      domains.add(domainId);
      for (Seed.Project p : d.projects()) {
        repository
            .findProject(domainId, p.name())
            .filter(r -> sameId(p.id(), r.id()))
            .map(ProjectRow::id)
            .ifPresent(projects::add);
      }
      for (Seed.User u : d.users()) {
        Optional<UserRow> user = repository.findUser(domainId, u.name());
        user.ifPresent(r -> seedUserById.put(r.id(), u));
        user.map(UserRow::id).ifPresent(users::add);
      }
    }

    /** What to keep: the declared rows, and the stored access keys a declared user declares. */
    Retained retained(List<AccessKeyRow> stored) {
      Set<String> accessKeys = new HashSet<>();
      for (AccessKeyRow k : stored) {
        Seed.User owner = seedUserById.get(k.userId());
        if (owner != null
            && owner.accessKeys().stream().anyMatch(a -> a.access().equals(k.accessKey()))) {
          accessKeys.add(k.accessKey());
        }
      }
      return new Retained(domains, projects, users, accessKeys);
    }
  }

  private static boolean sameId(String declared, String actual) {
    return declared == null || declared.equals(actual);
  }
}
