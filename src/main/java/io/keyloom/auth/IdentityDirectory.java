package io.keyloom.auth;

import io.keyloom.auth.sig.AccessSecret;
import io.keyloom.auth.sig.SecretLookup;
import io.keyloom.crypto.KeyWrapper;
import io.keyloom.crypto.SecretBytes;
import io.keyloom.store.IdentityRepository;
import io.keyloom.store.IdentityRows.AccessKeyRow;
import io.keyloom.store.IdentityRows.ProjectRow;
import io.keyloom.store.IdentityRows.UserRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Read access to identities with in-memory caches, so that authenticating a request touches no
 * database once its access key and project have been seen.
 *
 * <p>Identities are only ever added, never changed in place, by this version; a cached entry is
 * therefore never stale, except after the emulator's reset removed identities, which then calls
 * {@link #forgetAll}. Access key secrets are unwrapped once and kept in memory.
 */
public final class IdentityDirectory implements SecretLookup {
  /** The AAD that binds a wrapped access key secret to its access key id. */
  static byte[] secretAad(String accessKey) {
    return ("access-key:" + accessKey).getBytes(StandardCharsets.UTF_8);
  }

  private final IdentityRepository repository;
  private final KeyWrapper wrapper;
  private final SecurityTokens securityTokens;
  private final Map<String, AccessSecretEntry> accessKeys = new ConcurrentHashMap<>();
  private final Map<String, ProjectRow> projects = new ConcurrentHashMap<>();
  private final Map<String, UserRow> users = new ConcurrentHashMap<>();

  /**
   * A directory over the repository, unwrapping secrets with the root key's wrapper and opening
   * temporary credentials' security tokens with {@code securityTokens}.
   */
  public IdentityDirectory(
      IdentityRepository repository, KeyWrapper wrapper, SecurityTokens securityTokens) {
    this.repository = repository;
    this.wrapper = wrapper;
    this.securityTokens = securityTokens;
  }

  /** An access key with its owner and unwrapped secret. */
  record AccessSecretEntry(String userId, String domainId, AccessSecret secret) {
    boolean temporary() {
      return secret.securityToken() != null;
    }
  }

  @Override
  public Optional<AccessSecret> find(String accessKeyId, String securityToken) {
    return accessKey(accessKeyId, securityToken).map(AccessSecretEntry::secret);
  }

  /**
   * The user owning an access key, with the unwrapped secret. With a security token, only the
   * temporary credential sealed in it is considered; permanent keys are stored and cached.
   */
  Optional<AccessSecretEntry> accessKey(String accessKeyId, String securityToken) {
    if (securityToken != null) {
      return securityTokens
          .open(accessKeyId, securityToken)
          .map(
              c -> {
                try {
                  return new AccessSecretEntry(
                      c.userId(),
                      c.domainId(),
                      new AccessSecret(accessKeyId, c.secret(), c.expiresAt(), securityToken));
                } finally {
                  Arrays.fill(c.secret(), (byte) 0);
                }
              });
    }
    return cached(accessKeys, accessKeyId, id -> repository.findAccessKey(id).map(this::entry));
  }

  /** A project by id. */
  public Optional<ProjectRow> project(String projectId) {
    return cached(projects, projectId, repository::findProject);
  }

  /** The projects of a domain, optionally only those with a given name; read from the store. */
  public List<IamProject> projects(String domainId, String name) {
    List<ProjectRow> rows =
        name == null
            ? repository.listProjects(domainId)
            : repository.findProject(domainId, name).stream().toList();
    return rows.stream().map(p -> new IamProject(p.id(), p.domainId(), p.name())).toList();
  }

  /** A user by id. */
  Optional<UserRow> user(String userId) {
    return cached(users, userId, repository::findUser);
  }

  private AccessSecretEntry entry(AccessKeyRow row) {
    UserRow user = user(row.userId()).orElseThrow();
    return new AccessSecretEntry(user.id(), user.domainId(), unwrapSecret(row));
  }

  /** Reads through the cache; misses go to the database and are remembered when found. */
  private static <T> Optional<T> cached(
      Map<String, T> cache, String id, Function<String, Optional<T>> load) {
    T hit = cache.get(id);
    if (hit != null) {
      return Optional.of(hit);
    }
    Optional<T> loaded = load.apply(id);
    loaded.ifPresent(value -> cache.put(id, value));
    return loaded;
  }

  /** Forgets cached entries for an access key, e.g. after its secret was replaced. */
  void invalidateAccessKey(String accessKeyId) {
    accessKeys.remove(accessKeyId);
  }

  /** Forgets a cached user, e.g. after a password change. */
  void invalidateUser(String userId) {
    users.remove(userId);
  }

  /** Forgets every cached identity, e.g. after a reset removed some (docs/emulator.md). */
  void forgetAll() {
    accessKeys.clear();
    projects.clear();
    users.clear();
  }

  /** Unwraps an access key's secret. */
  SecretBytes secretOf(AccessKeyRow row) {
    try {
      return wrapper.unwrap(row.wrappedSecret(), secretAad(row.accessKey()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("access key secret cannot be unwrapped: wrong root key?", e);
    }
  }

  private AccessSecret unwrapSecret(AccessKeyRow row) {
    return new AccessSecret(row.accessKey(), secretOf(row).toByteArray(), null, null);
  }
}
