package io.keyloom.it;

import static io.keyloom.it.ClientCrypto.hash;
import static io.keyloom.it.ClientCrypto.jcaVerify;
import static io.keyloom.it.ClientCrypto.sm2Digest;
import static io.keyloom.it.ClientCrypto.sm2Verify;
import static io.keyloom.it.Keys.sign;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code sign} through the official SDK. Every signature is verified outside Keyloom: with the
 * JDK's providers (RSA, ECDSA), the {@code openssl} CLI, and Bouncy Castle's SM2Signer (SM2, with
 * Z_A computed here per GB/T 32918.2). Refusals and their error codes are in {@link SignErrorsIT}.
 */
class SignIT extends ServerIT {
  /** OpenSSL workspaces; JUnit deletes it after each test. */
  @TempDir Path tmp;

  static final List<String> RSA_ALGORITHMS =
      List.of(
          "RSASSA_PSS_SHA_256",
          "RSASSA_PSS_SHA_384",
          "RSASSA_PSS_SHA_512",
          "RSASSA_PKCS1_V1_5_SHA_256",
          "RSASSA_PKCS1_V1_5_SHA_384",
          "RSASSA_PKCS1_V1_5_SHA_512");
  static final List<String> ECDSA_ALGORITHMS =
      List.of("ECDSA_SHA_256", "ECDSA_SHA_384", "ECDSA_SHA_512");

  static KmsClient alice;
  static final Map<String, String> SIGNING_KEYS = new HashMap<>();

  @BeforeAll
  static void signingKeys() {
    alice = Sdk.alice(server);
    for (String spec : List.of("RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384", "SM2")) {
      SIGNING_KEYS.put(spec, Keys.create(alice, spec, "SIGN_VERIFY"));
    }
  }

  static Stream<Arguments> algorithmsAndMessageTypes() {
    List<Arguments> cases = new ArrayList<>();
    for (String type : List.of("DIGEST", "RAW")) {
      RSA_ALGORITHMS.forEach(alg -> cases.add(arguments("RSA_2048", alg, type)));
      cases.add(arguments("RSA_3072", "RSASSA_PSS_SHA_384", type));
      cases.add(arguments("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512", type));
      for (String curve : List.of("EC_P256", "EC_P384")) {
        ECDSA_ALGORITHMS.forEach(alg -> cases.add(arguments(curve, alg, type)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1} on {0}, message_type {2}")
  @MethodSource("algorithmsAndMessageTypes")
  void sign_withEveryAlgorithmAndMessageType_verifiesWithJcaOverTheOriginalMessage(
      String spec, String alg, String type) throws GeneralSecurityException {
    byte[] message = ("to be signed with " + alg + " on " + spec + " as " + type).getBytes(UTF_8);
    byte[] payload = type.equals("RAW") ? message : hash(alg, message);

    byte[] signature = sign(alice, SIGNING_KEYS.get(spec), alg, type, payload);

    PublicKey key = Keys.jca(spec.startsWith("RSA") ? "RSA" : "EC", pem(spec));
    assertThat(jcaVerify(alg, key, message, signature)).as("JCA verifies %s", alg).isTrue();
    byte[] other = "a different message".getBytes(UTF_8);
    assertThat(jcaVerify(alg, key, other, signature)).as("control: other message").isFalse();
  }

  @Test
  void sign_withoutMessageType_treatsTheMessageAsADigest() throws GeneralSecurityException {
    byte[] message = "default message type is DIGEST".getBytes(UTF_8);
    byte[] signature =
        sign(
            alice,
            SIGNING_KEYS.get("EC_P256"),
            "ECDSA_SHA_256",
            null,
            hash("ECDSA_SHA_256", message));
    assertThat(jcaVerify("ECDSA_SHA_256", Keys.jca("EC", pem("EC_P256")), message, signature))
        .isTrue();
  }

  static Stream<Arguments> opensslCases() {
    return Stream.of(
        arguments("RSA_2048", "RSASSA_PKCS1_V1_5_SHA_256", "DIGEST"),
        arguments("RSA_2048", "RSASSA_PSS_SHA_256", "RAW"),
        arguments("RSA_3072", "RSASSA_PSS_SHA_384", "DIGEST"),
        arguments("RSA_4096", "RSASSA_PKCS1_V1_5_SHA_512", "RAW"),
        arguments("RSA_2048", "RSASSA_PSS_SHA_512", "DIGEST"),
        arguments("EC_P256", "ECDSA_SHA_256", "DIGEST"),
        arguments("EC_P384", "ECDSA_SHA_384", "RAW"));
  }

  @ParameterizedTest(name = "{1} on {0}, message_type {2}")
  @MethodSource("opensslCases")
  void sign_verifiesWithTheOpensslCli(String spec, String alg, String type)
      throws GeneralSecurityException {
    OpenSsl.require();
    byte[] message = ("openssl checks " + alg + " on " + spec).getBytes(UTF_8);
    byte[] signature =
        sign(
            alice,
            SIGNING_KEYS.get(spec),
            alg,
            type,
            type.equals("RAW") ? message : hash(alg, message));

    OpenSsl ssl =
        OpenSsl.workspace(tmp)
            .write("pub.pem", pem(spec))
            .write("msg.bin", message)
            .write("other.bin", "another message".getBytes(UTF_8))
            .write("sig.bin", signature);
    List<String> args =
        new ArrayList<>(
            List.of("dgst", "-" + ClientCrypto.hashName(alg).replace("-", "").toLowerCase()));
    args.addAll(List.of("-verify", "pub.pem", "-signature", "sig.bin"));
    if (alg.startsWith("RSASSA_PSS")) {
      args.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:-1"));
    }
    OpenSsl.Result ok = ssl.run(withFile(args, "msg.bin"));
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("Verified OK");
    OpenSsl.Result control = ssl.run(withFile(args, "other.bin"));
    assertThat(control.exitCode()).as("control: " + control.output()).isNotZero();
  }

  @Test
  void sign_withSm2DigestOfZaAndMessage_verifiesWithBouncyCastleSm2Signer() {
    ECPublicKeyParameters key = Keys.bcEc(pem("SM2"));
    assertThat(key.getParameters().getCurve())
        .isEqualTo(GMNamedCurves.getByName("sm2p256v1").getCurve());
    byte[] message = "SM2 signs SM3(Z_A || M)".getBytes(UTF_8);

    byte[] signature =
        sign(alice, SIGNING_KEYS.get("SM2"), "SM2DSA_SM3", "DIGEST", sm2Digest(key, message));

    assertThat(sm2Verify(key, message, signature)).isTrue();
    assertThat(sm2Verify(key, "another message".getBytes(UTF_8), signature))
        .as("control")
        .isFalse();
  }

  @Test
  void sign_withSm2_verifiesWithTheOpensslCli() {
    OpenSsl.require();
    OpenSsl probe = OpenSsl.workspace(tmp);
    assertThat(probe.run("genpkey", "-algorithm", "SM2", "-out", "probe.pem").exitCode())
        .as("this openssl has no SM2 (OpenSSL 3 has)")
        .isZero();
    String pem = pem("SM2");
    byte[] message = "openssl checks SM2DSA_SM3".getBytes(UTF_8);
    byte[] signature =
        sign(
            alice,
            SIGNING_KEYS.get("SM2"),
            "SM2DSA_SM3",
            "DIGEST",
            sm2Digest(Keys.bcEc(pem), message));

    OpenSsl ssl =
        OpenSsl.workspace(tmp)
            .write("pub.pem", pem)
            .write("msg.bin", message)
            .write("sig.bin", signature);
    OpenSsl.Result r =
        ssl.run(
            "dgst",
            "-sm3",
            "-verify",
            "pub.pem",
            "-signature",
            "sig.bin",
            "-sigopt",
            "distid:1234567812345678",
            "msg.bin");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("Verified OK");
  }

  static String pem(String spec) {
    return Keys.publicKeyPem(alice, SIGNING_KEYS.get(spec));
  }

  static String[] withFile(List<String> args, String file) {
    List<String> all = new ArrayList<>(args);
    all.add(file);
    return all.toArray(String[]::new);
  }
}
