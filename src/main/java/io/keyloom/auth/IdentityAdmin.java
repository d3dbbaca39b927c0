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
import java.util.List;
import java.util.Optional;

/**
 * Creates identities: applies the seed file idempotently and makes the first-start credentials.
 *
 * <p>Applying a seed twice changes nothing. A seeded password or secret that differs from the
 * stored one replaces it: the seed file is the operator's source of truth.
 */
public final class IdentityAdmin {
  private static final String BOOT_DOMAIN = "keyloom";
  private static final String BOOT_PROJECT = "cn-north-4";
  private static final String BOOT_USER = "admin";
  private final IdentityRepository repository;
  private final IdentityDirectory directory;
  private final KeyWrapper wrapper;
  private final PasswordHasher hasher;
  private final SecureRandom random;

  /** An admin writing through the repository and keeping the directory's caches coherent. */
  public IdentityAdmin(
      IdentityRepository repository,
      IdentityDirectory directory,
      KeyWrapper wrapper,
      PasswordHasher hasher,
      SecureRandom random) {
    this.repository = repository;
    this.directory = directory;
    this.wrapper = wrapper;
    this.hasher = hasher;
    this.random = random;
  }

  /** Credentials made on a first start without a seed; shown once. */
  public record Bootstrap(
      String domain,
      String domainId,
      String project,
      String projectId,
      String user,
      String password,
      String accessKey,
      String secretKey) {
    @Override
    public String toString() {
      return "Bootstrap[domain=" + domain + ", user=" + user + ", accessKey=" + accessKey + "]";
    }
  }

  /** Whether no identity exists yet. */
  public boolean isEmpty() {
    return repository.listDomains().isEmpty();
  }

  /** Makes one domain, project, user and access key with random secrets. */
  public Bootstrap bootstrap() {
    String password = Secrets.password(random);
    String accessKey = Secrets.accessKey(random);
    String secret = Secrets.secretKey(random);
    Seed.User user =
        new Seed.User(BOOT_USER, password, List.of(new Seed.AccessKey(accessKey, secret)));
    apply(
        new Seed(
            List.of(
                new Seed.Domain(
                    BOOT_DOMAIN,
                    null,
                    List.of(new Seed.Project(BOOT_PROJECT, null)),
                    List.of(user)))));
    DomainRow d = repository.findDomainByName(BOOT_DOMAIN).orElseThrow();
    String projectId = repository.findProject(d.id(), BOOT_PROJECT).orElseThrow().id();
    return new Bootstrap(
        BOOT_DOMAIN, d.id(), BOOT_PROJECT, projectId, BOOT_USER, password, accessKey, secret);
  }

  /** Applies every domain, project, user and access key of the seed. */
  public void apply(Seed seed) {
    for (Seed.Domain d : seed.domains()) {
      DomainRow domain = ensureDomain(d);
      for (Seed.Project p : d.projects()) {
        ensureProject(domain, p);
      }
      for (Seed.User u : d.users()) {
        UserRow user = ensureUser(domain, u);
        for (Seed.AccessKey k : u.accessKeys()) {
          ensureAccessKey(user, k);
        }
      }
    }
  }

  private DomainRow ensureDomain(Seed.Domain d) {
    Optional<DomainRow> existing = repository.findDomainByName(d.name());
    if (existing.isPresent()) {
      requireSameId("domain " + d.name(), d.id(), existing.get().id());
      return existing.get();
    }
    DomainRow row = new DomainRow(d.id() != null ? d.id() : newId(), d.name());
    repository.insertDomain(row);
    return row;
  }

  private void ensureProject(DomainRow domain, Seed.Project p) {
    Optional<ProjectRow> existing = repository.findProject(domain.id(), p.name());
    if (existing.isPresent()) {
      requireSameId("project " + p.name(), p.id(), existing.get().id());
      return;
    }
    repository.insertProject(
        new ProjectRow(p.id() != null ? p.id() : newId(), domain.id(), p.name()));
  }

  private UserRow ensureUser(DomainRow domain, Seed.User u) {
    Optional<UserRow> existing = repository.findUser(domain.id(), u.name());
    if (existing.isEmpty()) {
      UserRow row = new UserRow(newId(), domain.id(), u.name(), hasher.hash(u.password()));
      repository.insertUser(row);
      return row;
    }
    if (!hasher.verify(u.password(), existing.get().passwordHash())) {
      repository.updatePasswordHash(existing.get().id(), hasher.hash(u.password()));
      directory.invalidateUser(existing.get().id());
    }
    return existing.get();
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

  private byte[] wrap(Seed.AccessKey k) {
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
