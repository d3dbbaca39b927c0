package io.keyloom.it;

import static io.keyloom.it.OperatorContractIT.keyloom;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seed key whose material does not fit its spec stops the real CLI with one line, exit code 1,
 * before the data dir exists, and without a byte of the material in the output.
 */
class SeedKeyStartErrorsIT {
  @TempDir Path dir;

  @Test
  void materialOfAnotherSpec_stopsTheStart_withoutEchoingIt_andCreatesNothing() throws Exception {
    String pem = TestKeyPairs.pem("p384");
    Path seed = dir.resolve("seed.yaml");
    Files.writeString(
        seed,
        "domains:\n  - name: acme\n    projects:\n      - name: cn-north-4\n        keys:\n"
            + "          - id: 0d0466b0-e727-4d9c-b35d-f84bb474a37f\n"
            + "            alias: demo-ec\n"
            + "            spec: EC_P256\n"
            + "            "
            + SeedYaml.pemMaterial(pem)
            + "\n");
    Path data = dir.resolve("data");
    ProcessBuilder pb =
        keyloom("serve", "--port", "0", "--data-dir", data.toString(), "--seed", seed.toString());
    pb.environment().keySet().removeIf(k -> k.startsWith("KEYLOOM_"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as(out).isEqualTo(1);
    assertThat(out)
        .isEqualTo(
            "keyloom: seed file "
                + seed
                + " line 9 column 23 (domains[0].projects[0].keys[0].material): key material does"
                + " not suit EC_P256: the key is EC on curve P-384");
    String body = pem.replaceAll("-----[A-Z ]+-----|\\s", "");
    for (int i = 0; i + 8 <= body.length(); i += 8) {
      assertThat(out).doesNotContain(body.substring(i, i + 8));
    }
    assertThat(data).doesNotExist();
  }
}
