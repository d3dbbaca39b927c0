package io.keyloom.auth;

import io.keyloom.config.Seed;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.AccessKeyRow;
import io.keyloom.store.IdentityRows.DomainRow;
import io.keyloom.store.IdentityRows.UserRow;
import io.keyloom.store.StoreException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates identities: applies the seed file idempotently and makes the first-start credentials.
 *
 * <p>Applying a seed twice changes nothing. A seeded password or secret that differs from the
 * stored one replaces it: the seed file is the operator's source of truth.
 */
public final class IdentityAdmin {
  /** The shortest password {@link #createUser} accepts from an operator. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  private static final String BOOT_DOMAIN = "keyloom";
  private static final String BOOT_PROJECT = "cn-north-4";
  private static final String BOOT_USER = "admin";
  private final IdentityRepository repository;
  private final SecureRandom random;
  private final IdentityWrites writes;

  /** An admin writing through the repository and keeping the directory's caches coherent. */
  public IdentityAdmin(
      IdentityRepository repository,
      IdentityDirectory directory,
      KeyWrapper wrapper,
      SeedPasswords passwords,
      SecureRandom random) {
    this.repository = repository;
    this.random = random;
    this.writes = new IdentityWrites(repository, directory, wrapper, passwords, random);
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
    /** These identities as a seed: what a reset without a seed file goes back to. */
    public Seed asSeed() {
      Seed.User u =
          new Seed.User(user, password, List.of(new Seed.AccessKey(accessKey, secretKey)));
      return new Seed(
          List.of(
              new Seed.Domain(
                  domain, domainId, List.of(new Seed.Project(project, projectId)), List.of(u))));
    }

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
    apply(
        new Bootstrap(BOOT_DOMAIN, null, BOOT_PROJECT, null, BOOT_USER, password, accessKey, secret)
            .asSeed());
    DomainRow d = repository.findDomainByName(BOOT_DOMAIN).orElseThrow();
    String projectId = repository.findProject(d.id(), BOOT_PROJECT).orElseThrow().id();
    return new Bootstrap(
        BOOT_DOMAIN, d.id(), BOOT_PROJECT, projectId, BOOT_USER, password, accessKey, secret);
  }

  /** A user made by {@link #createUser}: the password is shown once. */
  public record NewUser(String domain, String name, String id, String password) {
    @Override
    public String toString() {
      return "NewUser[domain=" + domain + ", name=" + name + ", password=REDACTED]";
    }
  }

  /** An access key made by {@link #createAccessKey}: the secret is shown once. */
  public record NewAccessKey(String domain, String user, String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "NewAccessKey[user=" + user + ", accessKey=" + accessKey + ", secretKey=REDACTED]";
    }
  }

  /**
   * One line of an identity listing; never holds a secret.
   *
   * @param domain the domain's name
   * @param name the listed entity's name (for access keys: the owning user's)
   * @param id the entity's id (for access keys: the AK)
   */
  public record Listed(String domain, String name, String id) {}

  /** Creates a domain; refuses an existing name or id. */
  public Listed createDomain(String name, String id) {
    Seed.Domain d = new Seed.Domain(name, id, List.of(), List.of());
    if (repository.findDomainByName(name).isPresent()) {
      throw new IllegalArgumentException("domain " + name + " already exists");
    }
    return new Listed(name, name, unique("domain id", () -> writes.ensureDomain(d)).id());
  }

  /** Creates a project in a domain; refuses an existing name (in the domain) or id. */
  public Listed createProject(String domainName, String name, String id) {
    DomainRow domain = domain(domainName);
    Seed.Project p = new Seed.Project(name, id);
    if (repository.findProject(domain.id(), name).isPresent()) {
      throw new IllegalArgumentException("project " + name + " already exists in " + domainName);
    }
    return new Listed(
        domainName, name, unique("project id", () -> writes.ensureProject(domain, p)).id());
  }

  /**
   * Creates a user; with a null {@code password} a random one is made. A given password needs at
   * least {@value #MIN_PASSWORD_LENGTH} characters.
   */
  public NewUser createUser(String domainName, String name, String password) {
    DomainRow domain = domain(domainName);
    if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    String pw = password != null ? password : Secrets.password(random);
    Seed.User u = new Seed.User(name, pw, List.of());
    if (repository.findUser(domain.id(), name).isPresent()) {
      throw new IllegalArgumentException("user " + name + " already exists in " + domainName);
    }
    return new NewUser(domainName, name, writes.ensureUser(domain, u, false).id(), pw);
  }

  /** Creates a random access key for a user. */
  public NewAccessKey createAccessKey(String domainName, String userName) {
    DomainRow domain = domain(domainName);
    UserRow user =
        repository
            .findUser(domain.id(), userName)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no user " + userName + " in domain " + domainName));
    Seed.AccessKey key = new Seed.AccessKey(Secrets.accessKey(random), Secrets.secretKey(random));
    repository.insertAccessKey(new AccessKeyRow(key.access(), user.id(), writes.wrap(key)));
    return new NewAccessKey(domainName, userName, key.access(), key.secret());
  }

  /** All domains, or the one named: (name, name, id). */
  public List<Listed> listDomains(String domainName) {
    return domains(domainName).stream().map(d -> new Listed(d.name(), d.name(), d.id())).toList();
  }

  /** The projects of every domain, or of one: (domain, project, id). */
  public List<Listed> listProjects(String domainName) {
    List<Listed> out = new ArrayList<>();
    for (DomainRow d : domains(domainName)) {
      repository.listProjects(d.id()).forEach(p -> out.add(new Listed(d.name(), p.name(), p.id())));
    }
    return out;
  }

  /** The users of every domain, or of one: (domain, user, id). */
  public List<Listed> listUsers(String domainName) {
    Map<String, String> names = domainNames();
    return repository.listUsers().stream()
        .filter(u -> domainName == null || domainName.equals(names.get(u.domainId())))
        .map(u -> new Listed(names.get(u.domainId()), u.name(), u.id()))
        .toList();
  }

  /** The access keys of every domain, or of one: (domain, user, AK). Secrets are never listed. */
  public List<Listed> listAccessKeys(String domainName) {
    Map<String, String> names = domainNames();
    Map<String, UserRow> users = new HashMap<>();
    repository.listUsers().forEach(u -> users.put(u.id(), u));
    List<Listed> out = new ArrayList<>();
    for (AccessKeyRow k : repository.listAccessKeys()) {
      UserRow user = users.get(k.userId());
      String domain = names.get(user.domainId());
      if (domainName == null || domainName.equals(domain)) {
        out.add(new Listed(domain, user.name(), k.accessKey()));
      }
    }
    return out;
  }

  private Map<String, String> domainNames() {
    Map<String, String> names = new HashMap<>();
    repository.listDomains().forEach(d -> names.put(d.id(), d.name()));
    return names;
  }

  private List<DomainRow> domains(String domainName) {
    return domainName == null ? repository.listDomains() : List.of(domain(domainName));
  }

  private DomainRow domain(String name) {
    return repository
        .findDomainByName(name)
        .orElseThrow(() -> new IllegalArgumentException("no domain " + name));
  }

  private static <T> T unique(String what, Supplier<T> insert) {
    try {
      return insert.get();
    } catch (StoreException.Duplicate e) {
      throw new IllegalArgumentException(what + " already in use");
    }
  }

  /** Applies every domain, project, user and access key of the seed. */
  public void apply(Seed seed) {
    writes.apply(seed);
  }
}
