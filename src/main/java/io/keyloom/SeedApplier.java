package io.keyloom;

import io.keyloom.auth.IdentityAdmin;
import io.keyloom.config.Seed;
import io.keyloom.config.SeedFile;
import io.keyloom.config.SeedKey;
import io.keyloom.kms.Project;
import io.keyloom.kms.SeedKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the seed file, identities and keys, in one place: at every start, and for anything else
 * that must bring a data dir back to its seed (a reset). Without a seed file, a first start makes
 * the bootstrap credentials instead.
 *
 * <p>Key conflicts are looked for before anything is written, and reported like the seed file's own
 * errors: file, line, column and field (docs/seed-keys.md).
 */
public final class SeedApplier {
  private final Optional<SeedFile> seed;
  private final IdentityAdmin identities;
  private final SeedKeys keys;

  /** An applier of {@code seed} (empty: no seed file) through the two layers' services. */
  public SeedApplier(Optional<SeedFile> seed, IdentityAdmin identities, SeedKeys keys) {
    this.seed = seed;
    this.identities = identities;
    this.keys = keys;
  }

  /**
   * Makes the store hold what the seed declares: conflicts first (no write), then identities, then
   * keys. Applying it twice changes nothing. Does nothing without a seed file.
   *
   * @throws IllegalArgumentException with a one-line message on a conflict
   */
  public void apply() {
    if (seed.isEmpty()) {
      return;
    }
    SeedFile file = seed.get();
    try {
      keys.check(declaredKeys(file.seed()));
      identities.apply(file.seed());
      keys.apply(declaredKeys(file.seed()));
    } catch (SeedKeys.Conflict c) {
      throw file.error(c.path(), c.getMessage());
    }
  }

  /**
   * What a start does: {@link #apply} with a seed file; without one, on an empty store, the
   * bootstrap identities, written to {@code <dataDir>/credentials.json} and announced on {@code
   * out}.
   */
  void applyAtStart(Path dataDir, PrintStream out) throws IOException {
    if (seed.isPresent()) {
      apply();
    } else if (identities.isEmpty()) {
      IdentityAdmin.Bootstrap b = identities.bootstrap();
      BootstrapFile.write(dataDir.resolve("credentials.json"), b);
      BootstrapFile.print(out, b, dataDir.resolve("credentials.json"));
    }
  }

  /** Every declared key with its project as the store knows it now (null: not created yet). */
  private List<SeedKeys.Declared> declaredKeys(Seed seed) {
    Map<String, String> domainIds = new HashMap<>();
    identities.listDomains(null).forEach(d -> domainIds.put(d.name(), d.id()));
    Map<String, String> projectIds = new HashMap<>();
    identities.listProjects(null).forEach(p -> projectIds.put(p.domain() + "/" + p.name(), p.id()));
    List<SeedKeys.Declared> out = new ArrayList<>();
    for (int d = 0; d < seed.domains().size(); d++) {
      Seed.Domain domain = seed.domains().get(d);
      for (int p = 0; p < domain.projects().size(); p++) {
        Seed.Project project = domain.projects().get(p);
        String id = projectIds.get(domain.name() + "/" + project.name());
        Project known =
            id == null ? null : new Project(id, project.name(), domainIds.get(domain.name()));
        List<SeedKey> declared = project.keys();
        for (int k = 0; k < declared.size(); k++) {
          String where = "domains[" + d + "].projects[" + p + "].keys[" + k + "]";
          out.add(new SeedKeys.Declared(where, known, declared.get(k)));
        }
      }
    }
    return out;
  }
}
