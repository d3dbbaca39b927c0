package io.keyloom.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyloom.it.TestKeyPairs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed keys as the loader reads them: defaults, and every refusal before anything is written. */
class SeedKeyLoaderTest {
  static final String ID = "0d0466b0-e727-4d9c-b35d-f84bb474a37f";
  static final String AES_32 = Base64.getEncoder().encodeToString(new byte[32]);

  @TempDir Path dir;

  Path write(String yaml) throws Exception {
    Path f = dir.resolve("seed.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  /** A seed with one project holding the given key lines (indented under "- "). */
  static String seed(String... keyLines) {
    StringBuilder s =
        new StringBuilder(
            "domains:\n  - name: acme\n    projects:\n      - name: p\n        keys:\n");
    for (int i = 0; i < keyLines.length; i++) {
      s.append(i == 0 ? "          - " : "            ").append(keyLines[i]).append('\n');
    }
    return s.toString();
  }

  static String pemField(String pem) {
    return "material: " + TestKeyPairs.block(pem, 14).stripTrailing();
  }

  SeedKey load(String yaml) throws Exception {
    return new SeedLoader(Map.of())
        .load(write(yaml))
        .domains()
        .get(0)
        .projects()
        .get(0)
        .keys()
        .get(0);
  }

  String refusal(String yaml) throws Exception {
    Path f = write(yaml);
    Throwable t = null;
    try {
      new SeedLoader(Map.of()).load(f);
    } catch (IllegalArgumentException e) {
      t = e;
    }
    assertThat(t).as("refused").isNotNull();
    assertThat(t.getMessage()).startsWith("seed file " + f + " line ").doesNotContain("\n");
    return t.getMessage().substring(("seed file " + f + " ").length());
  }

  @Test
  void defaults_followCreateKey() throws Exception {
    SeedKey k = load(seed("id: " + ID, "alias: demo"));
    assertThat(k.spec()).isEqualTo("AES_256");
    assertThat(k.usage()).isEqualTo("ENCRYPT_DECRYPT");
    assertThat(k.state()).isEqualTo("Enabled");
    assertThat(k.description()).isEmpty();
    assertThat(k.material()).isNull();
    SeedKey rsa = load(seed("id: " + ID, "alias: demo", "spec: RSA_2048", "state: disabled"));
    assertThat(rsa.usage()).isEqualTo("SIGN_VERIFY");
    assertThat(rsa.enabled()).isFalse();
  }

  @Test
  void material_isDecoded_fromBase64_pem_andTheEnvironment_andNeverPrinted() throws Exception {
    SeedKey aes = load(seed("id: " + ID, "alias: demo", "material: " + AES_32));
    assertThat(aes.material().bytes().size()).isEqualTo(32);
    assertThat(aes.toString()).doesNotContain(AES_32).contains("REDACTED");
    SeedKey sm2 =
        load(seed("id: " + ID, "alias: demo", "spec: SM2", pemField(TestKeyPairs.pem("sm2"))));
    assertThat(sm2.material().bytes().toByteArray())
        .isEqualTo(TestKeyPairs.get("sm2").getPrivate().getEncoded());
    Path f = write(seed("id: " + ID, "alias: demo", "spec: SM4", "material: ${SM4_KEY}"));
    String sm4 = Base64.getEncoder().encodeToString(new byte[16]);
    assertThat(
            new SeedLoader(Map.of("SM4_KEY", sm4))
                .load(f)
                .domains()
                .get(0)
                .projects()
                .get(0)
                .keys()
                .get(0)
                .material()
                .bytes()
                .size())
        .isEqualTo(16);
  }

  @Test
  void fieldErrors_nameTheFieldAndItsPosition() throws Exception {
    assertThat(refusal(seed("alias: demo")))
        .isEqualTo(
            "line 6 column 13 (domains[0].projects[0].keys[0].id): key id must be a lowercase UUID"
                + " (8-4-4-4-12 hex digits), as Huawei key ids are");
    assertThat(refusal(seed("id: " + ID.toUpperCase(), "alias: demo")))
        .startsWith("line 6 column 17 (domains[0].projects[0].keys[0].id): key id must be");
    assertThat(refusal(seed("id: " + ID, "alias: a/default")))
        .startsWith("line 7 column 20 (domains[0].projects[0].keys[0].alias): key alias must be");
    assertThat(refusal(seed("id: " + ID, "alias: demo", "spec: AES_128")))
        .startsWith("line 8 column 19 (domains[0].projects[0].keys[0].spec): unknown key spec");
    assertThat(refusal(seed("id: " + ID, "alias: demo", "usage: SIGN_VERIFY")))
        .endsWith(
            "(domains[0].projects[0].keys[0].usage): AES_256 keys can only be ENCRYPT_DECRYPT");
    assertThat(refusal(seed("id: " + ID, "alias: d", "spec: EC_P256", "usage: ENCRYPT_DECRYPT")))
        .endsWith("(domains[0].projects[0].keys[0].usage): EC_P256 keys can only be SIGN_VERIFY");
    assertThat(refusal(seed("id: " + ID, "alias: demo", "state: PendingDeletion")))
        .endsWith("keys[0].state): unknown key state (known: Enabled, Disabled)");
    assertThat(refusal(seed("id: " + ID, "alias: demo", "description: " + "d".repeat(256))))
        .endsWith("keys[0].description): key description is longer than 255 characters");
    assertThat(refusal(seed("id: " + ID, "alias: demo", "colour: red")))
        .isEqualTo(
            "line 8 column 13: unknown field 'colour' in a key (known: id, alias, spec, usage,"
                + " description, state, material, rotation, versions)");
  }

  @Test
  void badMaterial_isRefusedAtTheMaterialField_withoutEchoingIt() throws Exception {
    List<String[]> cases = new ArrayList<>();
    String rsa1024 = TestKeyPairs.pem("rsa1024");
    String rsa2048 = TestKeyPairs.pem("rsa2048");
    String pkcs1 =
        TestKeyPairs.pem(
            "RSA PRIVATE KEY",
            org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                    TestKeyPairs.get("rsa2048").getPrivate().getEncoded())
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded());
    String garbage =
        TestKeyPairs.pem("PRIVATE KEY", Base64.getDecoder().decode("MIIBAgEAAQ" + "AA".repeat(20)));
    String b64Rsa = rsa2048.replaceAll("-----[A-Z ]+-----|\\s", "");
    cases.add(
        new String[] {
          "AES_256",
          "material: not-base64!!",
          "key material is neither standard Base64 nor a PEM block (-----BEGIN PRIVATE KEY-----)"
        });
    cases.add(
        new String[] {
          "AES_256",
          "material: " + Base64.getEncoder().encodeToString(new byte[16]),
          "key material does not suit AES_256: AES_256 needs 32 bytes of material"
        });
    cases.add(
        new String[] {
          "SM4",
          "material: " + AES_32,
          "key material does not suit SM4: SM4 needs 16 bytes of material"
        });
    cases.add(
        new String[] {
          "AES_256",
          pemField(rsa2048),
          "AES_256 material must be the Base64 of the raw key, not a PEM block"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          "material: " + b64Rsa,
          "RSA_2048 material must be a PKCS#8 PEM block (-----BEGIN PRIVATE KEY-----)"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          pemField(rsa1024),
          "key material does not suit RSA_2048: the key is RSA with 1024 bits"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          pemField(TestKeyPairs.pem("rsa3072")),
          "key material does not suit RSA_2048: the key is RSA with 3072 bits"
        });
    cases.add(
        new String[] {
          "EC_P256",
          pemField(TestKeyPairs.pem("p384")),
          "key material does not suit EC_P256: the key is EC on curve P-384"
        });
    cases.add(
        new String[] {
          "EC_P256",
          pemField(TestKeyPairs.pem("sm2")),
          "key material does not suit EC_P256: the key is EC on curve sm2p256v1"
        });
    cases.add(
        new String[] {
          "SM2",
          pemField(TestKeyPairs.pem("p256")),
          "key material does not suit SM2: the key is EC on curve P-256"
        });
    cases.add(
        new String[] {
          "SM2", pemField(rsa2048), "key material does not suit SM2: the key is RSA with 2048 bits"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          pemField(pkcs1),
          "key material must be an unencrypted PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), not RSA PRIVATE KEY; convert it with: openssl pkcs8 -topk8 -nocrypt -in KEY"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          pemField(garbage),
          "key material does not suit RSA_2048: not a PKCS#8 private key usable for RSA_2048"
        });
    cases.add(
        new String[] {
          "RSA_2048",
          pemField(rsa2048 + rsa2048),
          "key material must be exactly one PEM block (-----BEGIN PRIVATE KEY-----)"
        });
    List<String> wrong = new ArrayList<>();
    for (String[] c : cases) {
      String yaml = seed("id: " + ID, "alias: demo", "spec: " + c[0], c[1]);
      String message = refusal(yaml);
      String expected = "line 9 column 23 (domains[0].projects[0].keys[0].material): " + c[2];
      String value = c[1].replaceAll("-----[A-Z ]+-----|\\s|material:|\\|", "");
      for (int i = 0; i + 12 <= value.length(); i += 12) {
        if (message.contains(value.substring(i, i + 12))) {
          wrong.add("echoes material: " + message);
        }
      }
      if (!message.equals(expected) && !(c[1].contains("|") && message.endsWith(c[2]))) {
        wrong.add(c[0] + ": " + message);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void duplicates_inOneFile_areRefusedAtTheSecond() throws Exception {
    String yaml =
        seed("id: " + ID, "alias: one") + "          - id: " + ID + "\n            alias: two\n";
    assertThat(refusal(yaml))
        .isEqualTo(
            "line 8 column 17 (domains[0].projects[0].keys[1].id): key id already declared at"
                + " domains[0].projects[0].keys[0]");
    String aliases =
        seed("id: " + ID, "alias: one")
            + "          - id: 1e1577c1-f838-4e0d-a46e-a95cc585b480\n            alias: one\n";
    assertThat(refusal(aliases))
        .isEqualTo(
            "line 9 column 20 (domains[0].projects[0].keys[1].alias): key alias already declared"
                + " in this project");
  }

  @Test
  void keysOfOneProject_mayNotRepeatAnIdOfAnother() throws Exception {
    String yaml =
        seed("id: " + ID, "alias: one")
            + "      - name: q\n        keys:\n          - id: "
            + ID
            + "\n            alias: one\n";
    assertThatThrownBy(() -> new SeedLoader(Map.of()).load(write(yaml)))
        .hasMessageEndingWith(
            "(domains[0].projects[1].keys[0].id): key id already declared at"
                + " domains[0].projects[0].keys[0]");
  }
}
