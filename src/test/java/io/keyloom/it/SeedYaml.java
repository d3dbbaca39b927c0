package io.keyloom.it;

import java.util.List;

/**
 * Seed files for seed-key tests: the standard test identities ({@link TestServer}) with keys
 * declared in acme's two projects.
 */
final class SeedYaml {
  private SeedYaml() {}

  /** One key declaration: {@code fields} are extra lines such as {@code "spec: SM4"}. */
  static String key(String id, String alias, String... fields) {
    StringBuilder out = new StringBuilder("          - id: " + id + "\n");
    out.append("            alias: ").append(alias).append('\n');
    for (String f : fields) {
      out.append("            ").append(f).append('\n');
    }
    return out.toString();
  }

  /** A {@code material:} field holding a PEM as a block scalar. */
  static String pemMaterial(String pem) {
    return "material: " + TestKeyPairs.block(pem, 14).stripTrailing();
  }

  /** The test identities with {@code north} keys in cn-north-4 and {@code south} in cn-south-1. */
  static String seed(List<String> north, List<String> south) {
    return """
        domains:
          - name: acme
            id: %s
            projects:
              - name: cn-north-4
                id: %s
                keys:
        %s
              - name: cn-south-1
                id: %s
                keys:
        %s
            users:
              - name: alice
                password: "%s"
                access_keys:
                  - access: %s
                    secret: %s
        """
        .formatted(
            TestServer.DOMAIN_ID,
            TestServer.PROJECT_ID,
            String.join("", north).stripTrailing(),
            TestServer.PROJECT_2_ID,
            String.join("", south).stripTrailing(),
            TestServer.PASSWORD,
            TestServer.AK,
            TestServer.SK)
        .replace("keys:\n\n", "keys: []\n");
  }

  /** Keys in cn-north-4 only. */
  static String seed(String... north) {
    return seed(List.of(north), List.of());
  }

  /** The 1-based line of the first line containing {@code needle}. */
  static int lineOf(String yaml, String needle) {
    int at = yaml.indexOf(needle);
    if (at < 0) {
      throw new AssertionError(needle + " not in the seed");
    }
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
