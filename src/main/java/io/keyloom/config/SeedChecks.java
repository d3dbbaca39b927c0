package io.keyloom.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules across records of one seed file, which no single record can check. */
final class SeedChecks {
  private SeedChecks() {}

  /**
   * Refuses a key id declared twice anywhere in the file (key ids are unique across projects) and
   * an alias declared twice in one project, at the second occurrence.
   */
  static void keys(SeedFile file) {
    Map<String, String> ids = new HashMap<>();
    List<Seed.Domain> domains = file.seed().domains();
    for (int d = 0; d < domains.size(); d++) {
      List<Seed.Project> projects = domains.get(d).projects();
      for (int p = 0; p < projects.size(); p++) {
        Set<String> aliases = new HashSet<>();
        List<SeedKey> keys = projects.get(p).keys();
        for (int k = 0; k < keys.size(); k++) {
          String at = "domains[" + d + "].projects[" + p + "].keys[" + k + "]";
          String first = ids.putIfAbsent(keys.get(k).id(), at);
          if (first != null) {
            throw file.error(at + ".id", "key id already declared at " + first);
          }
          if (!aliases.add(keys.get(k).alias())) {
            throw file.error(at + ".alias", "key alias already declared in this project");
          }
        }
      }
    }
  }
}
