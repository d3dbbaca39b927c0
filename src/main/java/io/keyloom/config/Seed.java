package io.keyloom.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The seed file: identities declared by the operator, applied idempotently at every start.
 *
 * <p>Secrets (passwords, access key secrets) may be written literally or as {@code ${ENV_VAR}},
 * which {@link SeedLoader} replaces by the environment variable's value inside string values only,
 * after parsing (docs/seed-errors.md).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Seed(List<Domain> domains) {
  static final Pattern NAME = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");
  static final Pattern ID = Pattern.compile("^[0-9a-f]{32}$");
  static final Pattern ACCESS_KEY = Pattern.compile("^[A-Za-z0-9]{1,64}$");

  /** Normalises a missing list to an empty one. */
  public Seed {
    domains = domains == null ? List.of() : List.copyOf(domains);
  }

  /** An IAM domain (account) with its projects and users. */
  public record Domain(String name, String id, List<Project> projects, List<User> users) {
    /** Validates the name and optional id. */
    public Domain {
      check(NAME, name, "domain name");
      checkOptional(ID, id, "domain id");
      projects = projects == null ? List.of() : List.copyOf(projects);
      users = users == null ? List.of() : List.copyOf(users);
    }
  }

  /**
   * A region-style project, e.g. {@code cn-north-4}, with the keys it holds (docs/seed-keys.md).
   */
  public record Project(String name, String id, List<SeedKey> keys) {
    /** Validates the name and optional id. */
    public Project {
      check(NAME, name, "project name");
      checkOptional(ID, id, "project id");
      keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** A project without keys. */
    public Project(String name, String id) {
      this(name, id, List.of());
    }
  }

  /** An IAM user with a password and access keys. */
  public record User(
      String name, String password, @JsonProperty("access_keys") List<AccessKey> accessKeys) {
    /** Validates the name and password presence. */
    public User {
      check(NAME, name, "user name");
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("user " + name + " needs a password");
      }
      accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
    }

    @Override
    public String toString() {
      return "User[name=" + name + ", password=REDACTED, accessKeys=" + accessKeys + "]";
    }
  }

  /** An AK/SK pair. */
  public record AccessKey(String access, String secret) {
    /** Validates the access key id and secret presence. */
    public AccessKey {
      check(ACCESS_KEY, access, "access key id");
      if (secret == null || secret.isEmpty()) {
        throw new IllegalArgumentException("access key " + access + " needs a secret");
      }
    }

    @Override
    public String toString() {
      return "AccessKey[access=" + access + ", secret=REDACTED]";
    }
  }

  private static void check(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid " + what + ": must match " + pattern.pattern());
    }
  }

  private static void checkOptional(Pattern pattern, String value, String what) {
    if (value != null) {
      check(pattern, value, what);
    }
  }
}
