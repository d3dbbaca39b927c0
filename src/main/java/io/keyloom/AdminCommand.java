package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.auth.IdentityAdmin.Listed;
import io.keyloom.auth.IdentityDirectory;
import io.keyloom.auth.PasswordHasher;
import io.keyloom.store.IdentityRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code keyloom admin ...}: creates and lists domains, projects, users and access keys in a data
 * directory, without a seed file. Safe to run while a server uses the same directory: the server
 * reads new identities through on first use. Secrets are printed once, at creation.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    versionProvider = Keyloom.Version.class,
    description =
        "Create and list domains, projects, users and access keys; reset a data directory.",
    subcommands = {
      AdminCommand.CreateDomain.class,
      AdminCommand.CreateProject.class,
      AdminCommand.CreateUser.class,
      AdminCommand.CreateAccessKey.class,
      AdminCommand.ListDomains.class,
      AdminCommand.ListProjects.class,
      AdminCommand.ListUsers.class,
      AdminCommand.ListAccessKeys.class,
      AdminReset.class,
      AdminRotateTokenKeys.class
    })
final class AdminCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:KEYLOOM_DATA_DIR:-./data}",
      description = "The server's data directory (env KEYLOOM_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @CommandLine.Mixin RootKeyOptions rootKey = new RootKeyOptions();

  @Mixin DbOptions db;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code action} on an identity admin over the data directory, then closes it. */
  int withAdmin(CommandLine cmd, Function<IdentityAdmin, List<String>> action) throws Exception {
    try (DataDir data = open(dataDir)) {
      IdentityAdmin admin = identities(data, new SecureRandom(), Clock.systemUTC()).admin();
      PrintWriter out = cmd.getOut();
      action.apply(admin).forEach(out::println);
      out.flush();
      return 0;
    }
  }

  /** Opens an existing data directory {@code dir} with this command's root-key settings. */
  DataDir open(Path dir) throws java.io.IOException, GeneralSecurityException {
    return DataDir.open(dir, false, rootKey.config(), db.settings(), Clock.systemUTC());
  }

  /**
   * The identity repository, directory and admin over a data directory, as the server wires them.
   */
  record Identities(
      IdentityRepository repository, IdentityDirectory directory, IdentityAdmin admin) {}

  static Identities identities(DataDir data, SecureRandom random, Clock clock) {
    IdentityRepository repository = new IdentityRepository(data.database(), clock);
    IdentityDirectory directory =
        new IdentityDirectory(
            repository, data.wrapper(), IdentityWiring.securityTokens(data, random, clock));
    IdentityAdmin admin =
        new IdentityAdmin(
            repository,
            directory,
            data.wrapper(),
            IdentityWiring.seedPasswords(data, new PasswordHasher(random)),
            random);
    return new Identities(repository, directory, admin);
  }

  private static List<String> table(String[] header, List<Listed> rows) {
    String format = "%-24s %-24s %s";
    java.util.ArrayList<String> lines = new java.util.ArrayList<>();
    lines.add(String.format(format, (Object[]) header));
    rows.forEach(r -> lines.add(String.format(format, r.domain(), r.name(), r.id())));
    return lines;
  }

  abstract static class Sub implements Callable<Integer> {
    @ParentCommand AdminCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    abstract List<String> apply(IdentityAdmin admin);

    @Override
    public Integer call() throws Exception {
      return parent.withAdmin(spec.commandLine(), this::apply);
    }
  }

  /** A listing that can be narrowed to one domain. */
  abstract static class ListSub extends Sub {
    @Option(names = "--domain", description = "Only this domain's.")
    String domain;
  }

  @Command(name = "create-domain", description = "Create a domain (an account).")
  static final class CreateDomain extends Sub {
    @Parameters(paramLabel = "NAME", description = "Domain name, as used to log in.")
    String name;

    @Option(names = "--id", description = "Domain id, 32 lower-case hex digits (default random).")
    String id;

    @Override
    List<String> apply(IdentityAdmin admin) {
      Listed d = admin.createDomain(name, id);
      return List.of("domain:    " + d.name(), "domain_id: " + d.id());
    }
  }

  @Command(name = "create-project", description = "Create a project (a region) in a domain.")
  static final class CreateProject extends Sub {
    @Option(names = "--domain", required = true, description = "The domain's name.")
    String domain;

    @Parameters(paramLabel = "NAME", description = "Project name, a region id such as cn-north-4.")
    String name;

    @Option(names = "--id", description = "Project id, 32 lower-case hex digits (default random).")
    String id;

    @Override
    List<String> apply(IdentityAdmin admin) {
      Listed p = admin.createProject(domain, name, id);
      return List.of(
          "domain:     " + p.domain(), "project:    " + p.name(), "project_id: " + p.id());
    }
  }

  @Command(
      name = "create-user",
      description = "Create a user; prints a random password once unless --password-stdin.")
  static final class CreateUser extends Sub {
    @Option(names = "--domain", required = true, description = "The domain's name.")
    String domain;

    @Parameters(paramLabel = "NAME", description = "User name.")
    String name;

    @Option(
        names = "--password-stdin",
        description =
            "Read the password (at least "
                + IdentityAdmin.MIN_PASSWORD_LENGTH
                + " characters) from the first line of standard input.")
    boolean passwordStdin;

    @Override
    List<String> apply(IdentityAdmin admin) {
      String password = passwordStdin ? readPassword() : null;
      IdentityAdmin.NewUser u = admin.createUser(domain, name, password);
      return passwordStdin
          ? List.of("domain:   " + u.domain(), "user:     " + u.name())
          : List.of(
              "domain:   " + u.domain(),
              "user:     " + u.name(),
              "password: " + u.password() + "   (shown once)");
    }

    private static String readPassword() {
      try {
        String line =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
          throw new IllegalArgumentException("no password on standard input");
        }
        return line;
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the password from standard input");
      }
    }
  }

  @Command(
      name = "create-access-key",
      description = "Create an access key (AK/SK) for a user; prints the secret once.")
  static final class CreateAccessKey extends Sub {
    @Option(names = "--domain", required = true, description = "The domain's name.")
    String domain;

    @Option(names = "--user", required = true, description = "The user's name.")
    String user;

    @Override
    List<String> apply(IdentityAdmin admin) {
      IdentityAdmin.NewAccessKey k = admin.createAccessKey(domain, user);
      return List.of(
          "domain:     " + k.domain(),
          "user:       " + k.user(),
          "access_key: " + k.accessKey(),
          "secret_key: " + k.secretKey() + "   (shown once)");
    }
  }

  @Command(name = "list-domains", description = "List domains.")
  static final class ListDomains extends ListSub {
    @Override
    List<String> apply(IdentityAdmin admin) {
      return table(new String[] {"DOMAIN", "NAME", "ID"}, admin.listDomains(domain));
    }
  }

  @Command(name = "list-projects", description = "List projects.")
  static final class ListProjects extends ListSub {
    @Override
    List<String> apply(IdentityAdmin admin) {
      return table(new String[] {"DOMAIN", "PROJECT", "ID"}, admin.listProjects(domain));
    }
  }

  @Command(name = "list-users", description = "List users.")
  static final class ListUsers extends ListSub {
    @Override
    List<String> apply(IdentityAdmin admin) {
      return table(new String[] {"DOMAIN", "USER", "ID"}, admin.listUsers(domain));
    }
  }

  @Command(name = "list-access-keys", description = "List access keys (never their secrets).")
  static final class ListAccessKeys extends ListSub {
    @Override
    List<String> apply(IdentityAdmin admin) {
      return table(new String[] {"DOMAIN", "USER", "ACCESS_KEY"}, admin.listAccessKeys(domain));
    }
  }
}
