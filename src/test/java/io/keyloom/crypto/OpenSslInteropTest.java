package io.keyloom.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Cross-checks signatures and ciphertexts with the OpenSSL 3 command line tool. */
class OpenSslInteropTest {
  private static final byte[] MESSAGE = "interop message".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @BeforeAll
  static void requireOpenSsl() {
    // Fail, not skip: CI installs openssl (.ci/run), and a skipped cross-check proves nothing.
    assertThat(run(List.of("openssl", "version")))
        .as("'openssl version' must run: install the openssl command line tool")
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(names = {"RSA_2048", "EC_P256", "EC_P384", "SM2"})
  void signatures_verifyWithOpenSsl(KeySpec spec) throws Exception {
    AsymmetricCmk cmk = TestKeys.cmk(spec);
    Path pub = write("pub.pem", cmk.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    Path msg = write("msg", MESSAGE);
    List<String> failures = new ArrayList<>();
    for (SigningAlgorithm alg : SigningAlgorithm.values()) {
      if (!alg.supports(spec)) {
        continue;
      }
      Path sig = write("sig", cmk.sign(alg, digestOf(cmk, alg), true));
      if (run(verifyCommand(alg, pub, sig, msg)) != 0) {
        failures.add(alg.name());
      }
    }
    assertThat(failures).isEmpty();
  }

  private static byte[] digestOf(AsymmetricCmk cmk, SigningAlgorithm alg) throws IOException {
    if (alg != SigningAlgorithm.SM2DSA_SM3) {
      return alg.hash().hash(MESSAGE);
    }
    ECPublicKeyParameters q =
        (ECPublicKeyParameters) PublicKeyFactory.createKey(cmk.publicKeyDer());
    return TestKeys.sm2Digest(q.getQ(), MESSAGE);
  }

  private static List<String> verifyCommand(SigningAlgorithm alg, Path pub, Path sig, Path msg) {
    String name = alg.name();
    String md =
        alg == SigningAlgorithm.SM2DSA_SM3 ? "-sm3" : "-sha" + name.substring(name.length() - 3);
    List<String> cmd = new ArrayList<>(List.of("openssl", "dgst", md));
    if (name.startsWith("RSASSA_PSS")) {
      cmd.addAll(
          List.of(
              "-sigopt",
              "rsa_padding_mode:pss",
              "-sigopt",
              "rsa_pss_saltlen:" + alg.digestLength()));
    }
    if (alg == SigningAlgorithm.SM2DSA_SM3) {
      cmd.addAll(List.of("-sigopt", "distid:" + CryptoParameters.SM2_USER_ID));
    }
    cmd.addAll(List.of("-verify", pub.toString(), "-signature", sig.toString(), msg.toString()));
    return cmd;
  }

  @ParameterizedTest
  @EnumSource(names = {"RSAES_OAEP_SHA_256", "RSAES_OAEP_SHA_1", "SM2_ENCRYPT"})
  void ciphertexts_interoperateWithOpenSsl(EncryptionAlgorithm alg) throws Exception {
    KeySpec spec = alg == EncryptionAlgorithm.SM2_ENCRYPT ? KeySpec.SM2 : KeySpec.RSA_2048;
    AsymmetricCmk cmk = TestKeys.cmk(spec);
    Path key = write("key.der", TestKeys.material(spec).toByteArray());
    Path pub = write("pub.pem", cmk.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    Path ours = write("ours.bin", cmk.encrypt(alg, MESSAGE));
    Path out = dir.resolve("out.bin");
    List<String> decrypt =
        new ArrayList<>(
            List.of("openssl", "pkeyutl", "-decrypt", "-inkey", key.toString(), "-keyform", "DER"));
    decrypt.addAll(oaepOptions(alg));
    decrypt.addAll(List.of("-in", ours.toString(), "-out", out.toString()));
    assertThat(run(decrypt)).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(MESSAGE);

    Path msg = write("msg", MESSAGE);
    Path theirs = dir.resolve("theirs.bin");
    List<String> encrypt =
        new ArrayList<>(
            List.of("openssl", "pkeyutl", "-encrypt", "-pubin", "-inkey", pub.toString()));
    encrypt.addAll(oaepOptions(alg));
    encrypt.addAll(List.of("-in", msg.toString(), "-out", theirs.toString()));
    assertThat(run(encrypt)).isZero();
    assertThat(cmk.decrypt(alg, Files.readAllBytes(theirs))).isEqualTo(MESSAGE);
  }

  private static List<String> oaepOptions(EncryptionAlgorithm alg) {
    if (alg == EncryptionAlgorithm.SM2_ENCRYPT) {
      return List.of();
    }
    String md = alg == EncryptionAlgorithm.RSAES_OAEP_SHA_256 ? "sha256" : "sha1";
    return List.of(
        "-pkeyopt",
        "rsa_padding_mode:oaep",
        "-pkeyopt",
        "rsa_oaep_md:" + md,
        "-pkeyopt",
        "rsa_mgf1_md:" + md);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static int run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
